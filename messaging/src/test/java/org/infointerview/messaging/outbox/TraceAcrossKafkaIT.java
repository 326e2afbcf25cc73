package org.infointerview.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.infointerview.messaging.testapp.LedgerAuditListener;
import org.infointerview.messaging.testapp.LedgerEntryAdded;
import org.infointerview.messaging.testapp.LedgerProjectionListener;
import org.infointerview.messaging.testapp.LedgerTestApplication;
import org.infointerview.testinfra.InfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * One request followed across Kafka: a client's {@code traceparent} reaches the HTTP span, the
 * outbox keeps it beside the event, the relay sends it as the record's {@code traceparent} header,
 * and the listener's span and log lines (MDC) carry the same trace id; a batch listener's effect on
 * one record, too.
 */
@SpringBootTest(
    classes = LedgerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.tracing.sampling.probability=1.0")
@InfrastructureTest
@Import(TraceAcrossKafkaIT.Spans.class)
class TraceAcrossKafkaIT {

  @Autowired LedgerProjectionListener projection;
  @Autowired LedgerAuditListener audit;
  @Autowired Spans spans;

  @Value("${local.server.port}")
  int port;

  @Test
  void theTraceOfTheRequestThatStoredAnEventContinuesInTheListener() throws Exception {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String ledgerId = "traced-" + UUID.randomUUID();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/ledgers/" + ledgerId + "/entries"))
                    .header("Content-Type", "application/json")
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":7}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);

    await().atMost(Duration.ofSeconds(30)).until(() -> !projection.applied(ledgerId).isEmpty());
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(spans.ended())
                    .filteredOn(span -> span.getKind() == SpanKind.CONSUMER)
                    .filteredOn(span -> span.getName().contains(LedgerEntryAdded.TOPIC))
                    .extracting(SpanData::getTraceId)
                    .contains(traceId));
    assertThat(spans.ended())
        .filteredOn(span -> span.getKind() == SpanKind.SERVER)
        .extracting(SpanData::getTraceId)
        .contains(traceId);
    assertThat(projection.traceIdsSeen()).contains(traceId);
    // a batch listener's effect on one of its records continues that record's trace as well
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(audit.traceIdsSeen()).contains(traceId));
    assertThat(spans.ended())
        .filteredOn(span -> span.getKind() == SpanKind.CONSUMER)
        .filteredOn(span -> span.getAttributes().toString().contains(LedgerAuditListener.CONSUMER))
        .extracting(SpanData::getTraceId)
        .contains(traceId);
  }

  /** Keeps every span that ends, as an exporter would receive it. */
  @TestConfiguration
  static class Spans {

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();

    @Bean
    SpanProcessor keepEndedSpans() {
      return new Keeper(ended);
    }

    List<SpanData> ended() {
      return ended;
    }
  }

  private record Keeper(List<SpanData> ended) implements SpanProcessor {

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      ended.add(span.toSpanData());
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
