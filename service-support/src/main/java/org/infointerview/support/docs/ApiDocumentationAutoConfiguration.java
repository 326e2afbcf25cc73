package org.infointerview.support.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Studies;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;

/**
 * The base of a deployable's OpenAPI document, which springdoc fills with the endpoints, so that
 * Swagger UI at the gateway's {@code /docs} can call them:
 *
 * <ul>
 *   <li>the server is the deployable's path on the gateway ({@code infointerview.api.public-path},
 *       {@code /api/contacts}), not its own address, which no browser can reach;
 *   <li>every operation needs a bearer token (a JWT from the identity provider), which Swagger UI's
 *       <em>Authorize</em> asks for; a browser signed in at the gateway sends its session instead;
 *   <li>the caller ({@link CurrentUser}) and their studies ({@link Studies}) come from that token
 *       and are no parameter of any operation;
 *   <li>each operation lists the problems it can answer with ({@link ProblemResponses});
 *   <li>the title names the deployable, the version is its build's.
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, SpringDocUtils.class})
public class ApiDocumentationAutoConfiguration {

  /** The name of the security scheme every operation requires. */
  public static final String BEARER = "bearer";

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class, Studies.class);
  }

  @Bean
  @ConditionalOnMissingBean
  OpenAPI apiDocument(
      @Value("${spring.application.name:application}") String name,
      @Value("${infointerview.api.public-path:}") String publicPath,
      ObjectProvider<BuildProperties> build) {
    BuildProperties properties = build.getIfAvailable();
    OpenAPI document =
        new OpenAPI()
            .info(
                new Info()
                    .title("InfoInterview " + name)
                    .version(properties == null ? "development" : properties.getVersion())
                    .description(
                        "Sign in with a bearer token from the university's identity provider;"
                            + " errors are RFC 9457 problems (application/problem+json)."))
            .components(
                new Components()
                    .addSecuritySchemes(
                        BEARER,
                        new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT"))
                    .addSchemas(ProblemResponses.SCHEMA, ProblemResponses.schema()))
            .addSecurityItem(new SecurityRequirement().addList(BEARER));
    @Nullable Server gateway = gatewayServer(publicPath);
    if (gateway != null) {
      document.servers(List.of(gateway));
    }
    return document;
  }

  /** Each operation's problems beside its success, so a client knows what to handle. */
  @Bean
  OperationCustomizer problemResponses() {
    return ProblemResponses::add;
  }

  private static @Nullable Server gatewayServer(String publicPath) {
    if (publicPath.isBlank()) {
      return null;
    }
    if (!publicPath.startsWith("/") || publicPath.endsWith("/")) {
      throw new IllegalStateException(
          "infointerview.api.public-path must start with / and not end with one: " + publicPath);
    }
    return new Server().url(publicPath).description("through the gateway");
  }
}
