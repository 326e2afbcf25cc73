package org.infointerview.support.docs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springframework.web.method.HandlerMethod;

/**
 * The problems (RFC 9457, {@code application/problem+json}) an operation can answer with, added to
 * its documented responses from what the operation takes: every one needs a valid token (401); one
 * with input can get it refused field by field (400); one that names a resource in its path can
 * find none (404, also for a resource that is someone else's); one that writes with {@code
 * If-Match} can be too late (412) or lack it (428); one with a body can send too much (413).
 */
final class ProblemResponses {

  /** The schema name of a problem in the document's components. */
  static final String SCHEMA = "Problem";

  private ProblemResponses() {}

  static Operation add(Operation operation, HandlerMethod handler) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    List<Parameter> parameters =
        operation.getParameters() == null ? List.of() : operation.getParameters();
    boolean body = operation.getRequestBody() != null;
    boolean pathNamesResource = parameters.stream().anyMatch(p -> "path".equals(p.getIn()));
    boolean queryOrHeaders = parameters.stream().anyMatch(p -> !"path".equals(p.getIn()));
    boolean ifMatch = parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));

    if (body || queryOrHeaders) {
      put(responses, "400", "Invalid request: `errors` names each field and why.");
    }
    put(responses, "401", "No bearer token, or one that is invalid or has expired.");
    if (pathNamesResource) {
      put(responses, "404", "No such resource, or none you may see.");
    }
    if (ifMatch) {
      put(responses, "412", "Changed since you read it: read it again, send its new ETag.");
      put(responses, "428", "No If-Match: send the ETag you read.");
    }
    if (body) {
      put(responses, "413", "The body is larger than this service accepts.");
    }
    return operation;
  }

  /** A problem's fields, as every service writes them. */
  static Schema<?> schema() {
    return new ObjectSchema()
        .description("A problem (RFC 9457)")
        .addProperty("type", new StringSchema().format("uri-reference"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty(
            "instance",
            new StringSchema().format("uri-reference").description("The address asked for"))
        .addProperty(
            "errors",
            new ArraySchema()
                .description("Each field that was refused, and why")
                .items(
                    new ObjectSchema()
                        .addProperty("field", new StringSchema().example("graduationYear"))
                        .addProperty(
                            "reason", new StringSchema().example("must be a whole number"))));
  }

  private static void put(ApiResponses responses, String status, String description) {
    if (responses.containsKey(status)) {
      return;
    }
    responses.addApiResponse(
        status,
        new ApiResponse()
            .description(description)
            .content(
                new Content()
                    .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)))));
  }
}
