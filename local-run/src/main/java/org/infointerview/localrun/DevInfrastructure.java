package org.infointerview.localrun;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The dev infrastructure in one JVM: the OIDC provider (Spring Authorization Server) with the demo
 * users, mongo-java-server with its H2 backend in a file (data survives a restart), and GreenMail
 * (SMTP and IMAP) with a small mail viewer over HTTP.
 */
@SpringBootApplication
class DevInfrastructure {

  static {
    // The SMTP server parses each mail with Jakarta Mail, which looks its StreamProvider up through
    // ServiceLoader for every header block (jakartaee/mail-api#699): every jar read again, most of
    // the SMTP server's garbage. Named, it is one class lookup; the provider ServiceLoader finds.
    System.getProperties()
        .putIfAbsent(
            "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
  }

  /** The audience every service requires in access tokens. */
  static final String AUDIENCE = "infointerview";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService demoUsers(PasswordEncoder encoder) {
    return new InMemoryUserDetailsManager(
        DemoUsers.ALL.stream()
            .map(
                u ->
                    User.withUsername(u.username())
                        .password(encoder.encode(u.password()))
                        .roles(u.role().toUpperCase())
                        .build())
            .toList());
  }

  /**
   * Tokens carry what a university IdP would release: the roles, the name, the email and the
   * platform audience; a service client's own token, the audience and its scopes.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> demoClaims() {
    return context -> {
      if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
          && OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        // a service's own token (notifications-service asking contacts-service): the platform
        // audience, no person, its granted scopes
        context
            .getClaims()
            .audience(List.of(context.getRegisteredClient().getClientId(), AUDIENCE));
        return;
      }
      String username = context.getPrincipal().getName();
      boolean demo = DemoUsers.ALL.stream().anyMatch(u -> u.username().equals(username));
      if (!demo) {
        return;
      }
      DemoUsers.DemoUser user = DemoUsers.named(username);
      DemoUsers.DemoStudies studies = DemoUsers.STUDIES.get(username);
      if (studies != null) {
        context
            .getClaims()
            .claim("class_year", studies.classYear())
            .claim("major", studies.major())
            .claim("program", studies.program());
      }
      if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        context
            .getClaims()
            .audience(List.of(context.getRegisteredClient().getClientId(), AUDIENCE))
            .claim("roles", List.of(user.role()))
            .claim("name", user.name())
            .claim("email", user.email())
            .claim("email_verified", true)
            .claim("zoneinfo", user.timeZone());
      }
      if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
        context
            .getClaims()
            .claim("roles", List.of(user.role()))
            .claim("name", user.name())
            .claim("email", user.email())
            .claim("email_verified", true)
            .claim("zoneinfo", user.timeZone());
      }
    };
  }

  @Bean(destroyMethod = "shutdownNow")
  MongoServer mongoServer(
      @Value("${infointerview.local.data}") Path data,
      @Value("${infointerview.local.mongo-port}") int port) {
    try {
      Files.createDirectories(data.resolve("mongo"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    MongoServer server =
        new MongoServer(
            new IdOrderedH2Backend(data.resolve("mongo").resolve("infointerview.mv").toString()));
    server.bind("127.0.0.1", port);
    return server;
  }

  @Bean(destroyMethod = "stop")
  GreenMail smtpServer(
      @Value("${infointerview.local.smtp-port}") int smtp,
      @Value("${infointerview.local.imap-port}") int imap) {
    GreenMail mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    mail.start();
    // A mail server keeps an idle connection for minutes (Postfix: 5); GreenMail's own 30 s would
    // have notifications-service's kept connections dropped under it between bursts.
    mail.getSmtp().setClientSocketTimeout((int) Duration.ofMinutes(5).toMillis());
    return mail;
  }

  @Bean(destroyMethod = "stop")
  MailViewer mailViewer(
      GreenMail mail, @Value("${infointerview.local.mail-viewer-port}") int port) {
    return MailViewer.start(mail, port);
  }
}
