package org.infointerview.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.InfrastructureInitializer;
import org.infointerview.testinfra.RedisServer;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two gateway instances behind one Redis, as a university would run them behind a load balancer: a
 * person's requests count once whichever instance answers, anonymous callers are counted by address
 * across instances, Redis holds no subject or address, and without Redis each instance keeps
 * limiting on its own instead of failing or letting everything through.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewaySharedRateLimitIT {

  private static final int PER_USER = 6;
  private static final int PER_ADDRESS = 4;
  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final List<ConfigurableApplicationContext> GATEWAYS = new ArrayList<>();
  private static RedisServer redis;
  private static HttpServer service;
  private static ApiClient first;
  private static ApiClient second;

  @BeforeAll
  static void start() throws IOException {
    redis = RedisServer.start();
    service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    service.createContext(
        "/",
        exchange -> {
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    service.start();
    first = new ApiClient(startGateway());
    second = new ApiClient(startGateway());
  }

  private static int startGateway() {
    // As command-line arguments, so they win over application.yml as an operator's would.
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(GatewayApplication.class)
            .initializers(new InfrastructureInitializer())
            .run(
                "--server.port=0",
                "--management.server.port=0",
                "--CONTACTS_SERVICE_URI=http://127.0.0.1:" + service.getAddress().getPort(),
                "--infointerview.gateway.rate-limit.per-user=" + PER_USER,
                "--infointerview.gateway.rate-limit.per-anonymous-address=" + PER_ADDRESS,
                "--infointerview.gateway.rate-limit.period=1h",
                "--infointerview.gateway.redis-uri=" + redis.uri());
    GATEWAYS.add(context);
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    GATEWAYS.forEach(ConfigurableApplicationContext::close);
    service.stop(0);
    redis.stop();
  }

  private static String token(String subject) {
    return IDP.token(subject, "student");
  }

  @Test
  @Order(1)
  void aPersonsRequestsCountOnceWhicheverInstanceAnswers() {
    String greedy = token("user-" + UUID.randomUUID());
    for (int i = 0; i < PER_USER; i++) {
      ApiClient instance = i % 2 == 0 ? first : second;
      assertThat(instance.get("/api/contacts/limited", greedy).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> onFirst = first.get("/api/contacts/limited", greedy);
    HttpResponse<String> onSecond = second.get("/api/contacts/limited", greedy);

    assertThat(onFirst.statusCode()).isEqualTo(429);
    assertThat(onSecond.statusCode()).isEqualTo(429);
    assertThat(onSecond.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    assertThat(onSecond.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    String someoneElse = token("user-" + UUID.randomUUID());
    assertThat(first.get("/api/contacts/limited", someoneElse).statusCode()).isEqualTo(200);
    assertThat(second.get("/api/contacts/limited", someoneElse).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void anAnonymousAddressIsCountedAcrossInstances() {
    int answered = 0;
    for (int i = 0; i < PER_ADDRESS * 2; i++) {
      ApiClient instance = i % 2 == 0 ? first : second;
      if (instance.get("/readyz", null).statusCode() == 200) {
        answered++;
      }
    }

    assertThat(answered).isEqualTo(PER_ADDRESS);
  }

  @Test
  @Order(3)
  void redisHoldsNeitherSubjectsNorAddresses() {
    String subject = "user-" + UUID.randomUUID();
    assertThat(first.get("/api/contacts/limited", token(subject)).statusCode()).isEqualTo(200);

    RedisClient client = RedisClient.create(redis.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      List<String> keys = connection.sync().keys("*");

      assertThat(keys).isNotEmpty().allMatch(k -> k.startsWith(RedisRateLimitBuckets.KEY_PREFIX));
      assertThat(keys).noneMatch(k -> k.contains(subject) || k.contains("127.0.0.1"));
      assertThat(keys).allMatch(k -> connection.sync().ttl(k) > 0);
    } finally {
      client.shutdown();
    }
  }

  @Test
  @Order(4)
  void withoutRedisEachInstanceStillAnswersAndLimitsOnItsOwn() {
    redis.stop();
    String person = token("user-" + UUID.randomUUID());

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i <= PER_USER; i++) {
      statuses.add(first.get("/api/contacts/limited", person).statusCode());
    }

    assertThat(statuses.subList(0, PER_USER)).containsOnly(200);
    assertThat(statuses.get(PER_USER)).isEqualTo(429);
    assertThat(second.get("/api/contacts/limited", person).statusCode()).isEqualTo(200);
  }
}
