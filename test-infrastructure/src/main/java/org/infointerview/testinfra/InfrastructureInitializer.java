package org.infointerview.testinfra;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at this JVM's {@link Infrastructure}: the Kafka bootstrap servers
 * and a MongoDB database named after the application ({@code spring.application.name}), so services
 * sharing one test JVM keep their data apart as they do in production.
 */
public class InfrastructureInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Infrastructure infrastructure = Infrastructure.get();
    TestIdentityProvider identity = TestIdentityProvider.get();
    String database =
        context.getEnvironment().getProperty("spring.application.name", "test").replace('.', '-');
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "testInfrastructure",
                Map.ofEntries(
                    Map.entry(
                        "spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers()),
                    Map.entry("spring.mongodb.uri", infrastructure.mongoUri(database)),
                    Map.entry("infointerview.messaging.partitions", Infrastructure.PARTITIONS),
                    Map.entry("spring.mail.host", "127.0.0.1"),
                    Map.entry("spring.mail.port", Infrastructure.mail().getSmtp().getPort()),
                    Map.entry(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                        TestIdentityProvider.get().issuerUri()),
                    Map.entry(
                        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                        TestIdentityProvider.get().jwkSetUri()),
                    Map.entry(
                        "spring.security.oauth2.resourceserver.jwt.audiences",
                        TestIdentityProvider.AUDIENCE),
                    Map.entry("infointerview.sign-in.issuer", identity.issuerUri()),
                    Map.entry(
                        "infointerview.sign-in.authorization-uri",
                        identity.issuerUri() + "/authorize"),
                    Map.entry("infointerview.sign-in.token-uri", identity.issuerUri() + "/token"),
                    // where a service's own client asks for its token (client credentials)
                    Map.entry("OIDC_TOKEN_URI", identity.issuerUri() + "/token"),
                    Map.entry("infointerview.sign-in.jwk-set-uri", identity.jwkSetUri()),
                    Map.entry(
                        "infointerview.sign-in.user-info-uri", identity.issuerUri() + "/userinfo"),
                    Map.entry(
                        "infointerview.sign-in.end-session-uri",
                        identity.issuerUri() + "/endsession"),
                    Map.entry("server.servlet.session.cookie.secure", false))));
  }
}
