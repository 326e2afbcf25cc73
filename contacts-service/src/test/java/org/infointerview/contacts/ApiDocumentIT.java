package org.infointerview.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * contacts-service's OpenAPI document as Swagger UI at the gateway's /docs uses it: its operations
 * are called through the gateway with a bearer token, list what they answer with, problems
 * included, and the import takes a file.
 */
@ServiceIT
class ApiDocumentIT {

  @Autowired JsonMapper json;

  @Value("${local.server.port}")
  int port;

  @Test
  void operationsAreCalledThroughTheGatewayWithABearerToken() {
    JsonNode document = document();

    assertThat(document.at("/info/title").asString()).isEqualTo("InfoInterview contacts-service");
    assertThat(document.at("/info/version").asString()).isNotBlank();
    assertThat(document.at("/servers/0/url").asString()).isEqualTo("/api/contacts");
    assertThat(document.at("/servers").size()).isEqualTo(1);
    assertThat(document.at("/security/0/bearer").isArray()).isTrue();
    assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
        .isEqualTo("bearer");
    assertThat(document.toString())
        .as("the caller comes from the token, never from a parameter")
        .doesNotContain("CurrentUser");
  }

  @Test
  void eachOperationListsItsSuccessAndTheProblemsItCanAnswerWith() {
    JsonNode paths = document().get("paths");

    JsonNode add = paths.at("/~1contacts/post/responses");
    assertThat(add.propertyNames()).containsExactlyInAnyOrder("201", "400", "401", "413");
    assertThat(add.at("/201/content").toString()).contains("ContactResponse");
    assertThat(add.at("/400/content/application~1problem+json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/Problem");

    assertThat(paths.at("/~1contacts~1{id}/put/responses").propertyNames())
        .contains("200", "400", "401", "404", "412", "428", "413");
    assertThat(paths.at("/~1contacts~1{id}/delete/responses").propertyNames())
        .contains("204", "404")
        .doesNotContain("200");
    assertThat(paths.at("/~1me/get/responses").propertyNames())
        .containsExactlyInAnyOrder("200", "401");
    assertThat(paths.at("/~1contacts~1{id}/get/responses").propertyNames())
        .containsExactlyInAnyOrder("200", "401", "404");
    assertThat(document().at("/components/schemas/Problem/properties").propertyNames())
        .contains("title", "status", "detail", "instance", "errors");
  }

  @Test
  void theImportTakesAFileAsItIsOrFromAForm() {
    JsonNode upload = document().at("/paths/~1imports/post");

    assertThat(upload.at("/requestBody/content").propertyNames())
        .contains("text/csv", "multipart/form-data");
    assertThat(upload.at("/responses").propertyNames()).contains("202", "200", "400", "401");
  }

  private JsonNode document() {
    HttpResponse<String> response = new ApiClient(port).get("/v3/api-docs", null);
    assertThat(response.statusCode()).isEqualTo(200);
    return json.readTree(response.body());
  }
}
