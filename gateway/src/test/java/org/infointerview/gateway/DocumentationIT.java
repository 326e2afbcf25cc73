package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.InfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** Swagger UI at /docs lists every service's API description, read through the gateway. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class DocumentationIT {

  @Value("${local.server.port}")
  int port;

  @Test
  void docsLeadToSwaggerUiWhichListsEveryService() {
    ApiClient api = new ApiClient(port);

    HttpResponse<String> docs = api.get("/docs", null);
    HttpResponse<String> page = api.get("/swagger-ui/index.html", null);
    HttpResponse<String> config = api.get("/v3/api-docs/swagger-config", null);

    assertThat(docs.statusCode()).isEqualTo(302);
    assertThat(docs.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("/swagger-ui/index.html"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
    assertThat(api.get("/swagger-ui/swagger-initializer.js", null).body())
        .as("a signed-in browser's 'Try it out' sends the CSRF token back")
        .contains("X-XSRF-TOKEN");
    assertThat(api.get("/v3/api-docs", null).body())
        .as("the gateway's fallback is no part of the API")
        .doesNotContain("/fallback");
    assertThat(config.body())
        .contains("/api/contacts/v3/api-docs")
        .contains("/api/interviews/v3/api-docs")
        .contains("/api/notifications/v3/api-docs");
  }
}
