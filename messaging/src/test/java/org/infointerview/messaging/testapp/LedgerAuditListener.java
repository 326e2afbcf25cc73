package org.infointerview.messaging.testapp;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.infointerview.messaging.consumer.EventObservations;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A batch listener that acts on a few of a topic's events, each in its record's own trace. */
@Component
public class LedgerAuditListener {

  public static final String CONSUMER = "ledger-audit";

  private final EventObservations observations;
  private final Set<String> traceIdsSeen = ConcurrentHashMap.newKeySet();

  LedgerAuditListener(EventObservations observations) {
    this.observations = observations;
  }

  @KafkaListener(topics = LedgerEntryAdded.TOPIC, groupId = CONSUMER, batch = "true")
  void on(List<ConsumerRecord<String, IncomingEvent>> records) {
    for (ConsumerRecord<String, IncomingEvent> record : records) {
      if (record.value() != null && LedgerEntryAdded.TYPE.equals(record.value().type())) {
        observations.observe(
            record,
            CONSUMER,
            () -> {
              String traceId = MDC.get("traceId");
              if (traceId != null) {
                traceIdsSeen.add(traceId);
              }
            });
      }
    }
  }

  /** The trace ids its effects' log lines carried (from the MDC). */
  public Set<String> traceIdsSeen() {
    return traceIdsSeen;
  }
}
