package org.infointerview.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The real decoder against tokens minted here, signed with a key whose JWKS a loopback server
 * publishes: only a well-formed RS256 token from the right issuer, for the right audience, within
 * its validity, signed by a published key, gets through. (The {@code jwt()} test helper skips all
 * of this, so it cannot be used here.)
 */
@SpringBootTest(
    classes = TokenValidationIT.SecuredApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TokenValidationIT {

  private static final String ISSUER = "https://idp.test.example/realms/university";
  private static final String AUDIENCE = "infointerview";
  private static final RSAKey KEY = rsa("published-key");
  private static final RSAKey OTHER_KEY = rsa("unpublished-key");
  private static HttpServer jwks;

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  int port;

  // messaging is on this module's classpath for the erasure listener; no outbox here
  @SpringBootApplication(excludeName = "org.infointerview.messaging.MessagingAutoConfiguration")
  static class SecuredApplication {
    @RestController
    static class WhoAmI {
      @GetMapping("/whoami")
      CurrentUser whoami(CurrentUser user) {
        return user;
      }
    }
  }

  @DynamicPropertySource
  static void identityProvider(DynamicPropertyRegistry registry) throws IOException {
    jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] keys = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    jwks.createContext(
        "/certs",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, keys.length);
          exchange.getResponseBody().write(keys);
          exchange.close();
        });
    jwks.start();
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs");
    registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
    registry.add("spring.security.oauth2.resourceserver.jwt.jws-algorithms", () -> "RS256");
  }

  @AfterAll
  static void stopJwks() {
    jwks.stop(0);
  }

  @Test
  void aValidTokenGetsThroughWithTheCallersIdentityAndRoles() throws Exception {
    HttpResponse<String> response = call(signed(KEY, JWSAlgorithm.RS256, claims -> {}));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"id\":\"" + ISSUER + "|s-1029\"")
        .contains("\"roles\":[\"STUDENT\"]");
  }

  @Test
  void theConfiguredDecoderRemembersValidatedTokens(@Autowired JwtDecoder decoder) {
    assertThat(decoder).isInstanceOf(CachingJwtDecoder.class);
  }

  @Test
  void aMalformedBearerHeaderIsRejectedByTheConfiguredResolver(
      @Autowired BearerTokenResolver resolver) throws Exception {
    assertThat(resolver).isInstanceOf(BearerTokens.class);
    String token = signed(KEY, JWSAlgorithm.RS256, claims -> {});

    assertThat(call(token + " trailing").statusCode()).isEqualTo(401);
    assertThat(call("%" + token).statusCode()).isEqualTo(401);
  }

  @Test
  void anUnsignedTokenIsRejected() throws Exception {
    assertThat(call(new PlainJWT(claims(c -> {}).build()).serialize()).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenSignedWithHs256UsingThePublicKeyAsSecretIsRejected() throws Exception {
    SignedJWT forged =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
            claims(c -> {}).build());
    forged.sign(new MACSigner(KEY.toPublicJWK().toRSAPublicKey().getEncoded()));

    assertThat(call(forged.serialize()).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenFromAnotherIssuerIsRejected() throws Exception {
    String token =
        signed(KEY, JWSAlgorithm.RS256, c -> c.issuer("https://evil.example/realms/university"));

    assertThat(call(token).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenWithoutASubjectIsRejected() throws Exception {
    assertThat(call(signed(KEY, JWSAlgorithm.RS256, c -> c.subject(null))).statusCode())
        .isEqualTo(401);
    assertThat(call(signed(KEY, JWSAlgorithm.RS256, c -> c.subject(" "))).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aTokenForAnotherAudienceIsRejected() throws Exception {
    assertThat(call(signed(KEY, JWSAlgorithm.RS256, c -> c.audience("another-app"))).statusCode())
        .isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRejected() throws Exception {
    String token =
        signed(
            KEY,
            JWSAlgorithm.RS256,
            c ->
                c.issueTime(Date.from(Instant.now().minusSeconds(3600)))
                    .notBeforeTime(Date.from(Instant.now().minusSeconds(3600)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(600))));

    HttpResponse<String> response = call(token);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer").contains("invalid_token"));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"status\":401")
        .contains(ProblemAuthenticationEntryPoint.REFUSED_TOKEN)
        .contains("\"instance\":\"/whoami\"")
        .doesNotContain(token);
  }

  @Test
  void aTokenNotYetValidIsRejected() throws Exception {
    String token =
        signed(
            KEY,
            JWSAlgorithm.RS256,
            c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(600))));

    assertThat(call(token).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenSignedWithAnUnknownKeyIsRejected() throws Exception {
    assertThat(call(signed(OTHER_KEY, JWSAlgorithm.RS256, c -> {})).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenSignedWithAnotherKeyUnderAPublishedKeyIdIsRejected() throws Exception {
    RSAKey impostor = new RSAKeyGenerator(2048).keyID(KEY.getKeyID()).generate();

    assertThat(call(signed(impostor, JWSAlgorithm.RS256, c -> {})).statusCode()).isEqualTo(401);
  }

  @Test
  void anAlgorithmOutsideTheAllowListIsRejectedEvenWithThePublishedKey() throws Exception {
    assertThat(call(signed(KEY, JWSAlgorithm.RS512, c -> {})).statusCode()).isEqualTo(401);
  }

  @Test
  void withoutATokenTheAnswerIs401WithAProblemThatSaysWhatToSend() throws Exception {
    HttpResponse<String> response = call(null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"title\":\"Unauthorized\"")
        .contains(ProblemAuthenticationEntryPoint.NO_TOKEN);
  }

  @Test
  void anAuthorizationHeaderWithAControlCharacterIsRefusedByTheFirewall() throws Exception {
    String token = signed(KEY, JWSAlgorithm.RS256, claims -> {});
    try (Socket socket = new Socket("127.0.0.1", port)) {
      // U+0085 (next line) is a control character; Tomcat lets it through as obs-text.
      String request =
          "GET /whoami HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
              + "Authorization: Bearer "
              + token
              + "\u0085\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(answer).doesNotContain(ISSUER);
    }
  }

  private HttpResponse<String> call(String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String signed(
      RSAKey key, JWSAlgorithm algorithm, Consumer<JWTClaimsSet.Builder> change) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
            claims(change).build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static JWTClaimsSet.Builder claims(Consumer<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject("s-1029")
            .audience(List.of(AUDIENCE))
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now.minusSeconds(5)))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("roles", List.of("student"));
    change.accept(claims);
    return claims;
  }

  private static RSAKey rsa(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
