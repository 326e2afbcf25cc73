package org.infointerview.notifications.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.TestIdentityProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live inbox: a stream tells the person their unread count at once and again when an entry is
 * added or read (by whichever instance), never another person's; a sixth stream at once is a 429.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "infointerview.inbox.stream-check-every=200ms")
@InfrastructureTest
class InboxStreamIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @Autowired Inbox inbox;
  @Autowired JsonMapper json;

  @Value("${local.server.port}")
  int port;

  @Test
  void aStreamTellsThePersonTheirUnreadCountAtOnceAndWhenItChanges() throws Exception {
    String subject = "streamer-" + UUID.randomUUID();
    String token = IDP.token(subject, "student");
    String userId = IDP.userId(subject);
    try (Events events = open(token)) {
      assertThat(events.status()).isEqualTo(200);
      assertThat(events.next().get("unread").asLong()).isZero();

      inbox.add("other-" + UUID.randomUUID(), IDP.userId("someone-else"), "T", "Not yours", "x");
      inbox.add("mine-" + UUID.randomUUID(), userId, "T", "Ada answered", "She accepted.");

      JsonNode added = events.next();
      assertThat(added.get("unread").asLong()).isEqualTo(1);
      assertThat(added.get("newest").get("title").asString()).isEqualTo("Ada answered");
      assertThat(added.toString()).doesNotContain("Not yours");

      new ApiClient(port).post("/me/inbox/read-all", token, "");
      assertThat(events.next().get("unread").asLong()).isZero();
    }
  }

  @Test
  void aSixthStreamAtOnceIsRefusedWith429() throws Exception {
    String token = IDP.token("tabs-" + UUID.randomUUID(), "student");
    List<Events> open = new ArrayList<>();
    try {
      for (int i = 0; i < InboxStreams.PER_PERSON; i++) {
        open.add(open(token));
      }
      Events sixth = open(token);
      open.add(sixth);
      assertThat(open.subList(0, InboxStreams.PER_PERSON))
          .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
      assertThat(sixth.status()).isEqualTo(429);
    } finally {
      for (Events events : open) {
        events.close();
      }
    }
  }

  @Test
  void noStreamWithoutSignIn() throws Exception {
    try (Events events = open(null)) {
      assertThat(events.status()).isEqualTo(401);
    }
  }

  private Events open(@Nullable String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/me/inbox/stream"))
            .header("Accept", "text/event-stream");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    return new Events(response, json);
  }

  /** The {@code data:} of each event, as they come. */
  private static final class Events implements AutoCloseable {
    private final HttpResponse<InputStream> response;
    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
    private final JsonMapper json;

    Events(HttpResponse<InputStream> response, JsonMapper json) {
      this.response = response;
      this.json = json;
      Thread reader =
          new Thread(
              () -> {
                try (Stream<String> lines =
                    new java.io.BufferedReader(
                            new java.io.InputStreamReader(
                                response.body(), java.nio.charset.StandardCharsets.UTF_8))
                        .lines()) {
                  lines.filter(l -> l.startsWith("data:")).forEach(l -> data.add(l.substring(5)));
                } catch (RuntimeException closed) {
                  // the stream was closed
                }
              },
              "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    int status() {
      return response.statusCode();
    }

    JsonNode next() throws InterruptedException {
      String next = data.poll(15, TimeUnit.SECONDS);
      assertThat(next).as("an event within 15 s").isNotNull();
      return json.readTree(next);
    }

    @Override
    public void close() throws IOException {
      response.body().close();
    }
  }
}
