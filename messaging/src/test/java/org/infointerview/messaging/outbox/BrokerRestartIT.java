package org.infointerview.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.kafkabroker.KafkaServerProcess;
import org.infointerview.messaging.testapp.LedgerEntryAdded;
import org.infointerview.messaging.testapp.LedgerProjectionListener;
import org.infointerview.messaging.testapp.LedgerTestApplication;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The broker goes away for a few seconds in the middle of 500 events written through HTTP: every
 * write still succeeds, every event arrives, none takes effect twice, and each aggregate's events
 * arrive in order. The broker is a real one in its own JVM on a fixed port, stopped and started
 * again with its data.
 */
@SpringBootTest(
    classes = LedgerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BrokerRestartIT {

  private static final int LEDGERS = 20;
  private static final int ENTRIES_PER_LEDGER = 25;
  private static final int EVENTS = LEDGERS * ENTRIES_PER_LEDGER;
  private static final int WRITERS = 4;
  private static final Duration OUTAGE = Duration.ofSeconds(4);

  private static KafkaServerProcess broker;

  @Autowired LedgerProjectionListener projection;
  @Autowired JsonMapper jsonMapper;

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void brokerInItsOwnProcess(DynamicPropertyRegistry registry) throws IOException {
    Path data = Path.of("target", "broker-restart-" + UUID.randomUUID());
    broker =
        new KafkaServerProcess(
            freePort(),
            freePort(),
            data,
            data.resolve("broker.log"),
            List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC"));
    broker.start(Duration.ofSeconds(90));
    registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    registry.add(
        "spring.mongodb.uri",
        () -> Infrastructure.get().mongoUri("broker-restart-" + UUID.randomUUID()));
  }

  @AfterAll
  static void stopBroker() {
    broker.stop();
  }

  @Test
  void eventsWrittenWhileTheBrokerIsDownAreAllDeliveredOnceInOrderAndWritesKeepSucceeding()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> ledgerIds = new ArrayList<>();
    for (int i = 0; i < LEDGERS; i++) {
      ledgerIds.add("restart-" + run + "-" + i);
    }
    HttpClient http = HttpClient.newHttpClient();
    AtomicInteger written = new AtomicInteger();
    List<Integer> failedStatuses = Collections.synchronizedList(new ArrayList<>());
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    List<Future<?>> work = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      List<String> mine = ledgerIds.subList(w * LEDGERS / WRITERS, (w + 1) * LEDGERS / WRITERS);
      work.add(
          writers.submit(
              () -> {
                for (int entry = 0; entry < ENTRIES_PER_LEDGER; entry++) {
                  for (String ledgerId : mine) {
                    int status = post(http, ledgerId);
                    if (status != 201) {
                      failedStatuses.add(status);
                    }
                    written.incrementAndGet();
                    pause(10);
                  }
                }
                return null;
              }));
    }

    await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= EVENTS / 4);
    broker.stop();
    int writtenWhenStopped = written.get();
    Thread.sleep(OUTAGE.toMillis());
    int writtenWhileDown = written.get() - writtenWhenStopped;
    broker.start(Duration.ofSeconds(90));
    for (Future<?> f : work) {
      f.get();
    }
    writers.shutdown();

    assertThat(failedStatuses).as("HTTP writes while the broker was down").isEmpty();
    assertThat(writtenWhileDown).as("writes accepted while the broker was down").isPositive();
    List<Long> expected = LongStream.rangeClosed(1, ENTRIES_PER_LEDGER).boxed().toList();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                ledgerIds.stream()
                    .allMatch(id -> projection.applied(id).size() >= ENTRIES_PER_LEDGER));

    Set<String> ledgers = new HashSet<>(ledgerIds);
    try (TopicProbe probe =
        TopicProbe.onBroker(broker.bootstrapServers(), LedgerEntryAdded.TOPIC)) {
      List<ConsumerRecord<String, String>> records =
          probe.pollUntil(r -> distinctEvents(r, ledgers) >= EVENTS, Duration.ofSeconds(60));
      long delivered = records.stream().filter(r -> ledgers.contains(r.key())).count();
      long distinct = distinctEvents(records, ledgers);
      long effects = ledgerIds.stream().mapToLong(id -> projection.applied(id).size()).sum();
      System.out.printf(
          "broker restart: sent=%d delivered=%d distinct=%d duplicated=%d effects=%d lost=%d"
              + " (writes while down=%d)%n",
          EVENTS,
          delivered,
          distinct,
          delivered - distinct,
          effects,
          EVENTS - distinct,
          writtenWhileDown);
      assertThat(distinct).as("distinct events on the topic").isEqualTo(EVENTS);
      assertThat(effects).as("effects applied").isEqualTo(EVENTS);
    }
    for (String id : ledgerIds) {
      assertThat(projection.applied(id)).as("order of %s", id).isEqualTo(expected);
    }
  }

  private long distinctEvents(List<ConsumerRecord<String, String>> records, Set<String> ledgers) {
    return records.stream()
        .filter(r -> ledgers.contains(r.key()))
        .map(r -> jsonMapper.readTree(r.value()).get("id").asString())
        .distinct()
        .count();
  }

  private int post(HttpClient http, String ledgerId) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/ledgers/" + ledgerId + "/entries"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 1}"))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
