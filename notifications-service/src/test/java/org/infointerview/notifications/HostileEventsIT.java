package org.infointerview.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.UnknownEventTypes;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
import org.infointerview.testinfra.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What arrives on the topics is not always what it should be: a record that is not an event goes to
 * the dead-letter topic, an event of a type this build does not know is skipped and counted, and
 * the events after them are handled as ever.
 */
@SpringBootTest
@InfrastructureTest
class HostileEventsIT {

  @Autowired MongoTemplate mongo;
  @Autowired MeterRegistry meters;

  @Test
  void garbageGoesToTheDeadLettersAnUnknownTypeIsCountedAndTheConsumerGoesOn() throws Exception {
    String address = "after-" + UUID.randomUUID() + "@example.edu";
    String studentId = RecipientFixtures.student(mongo, address, "Sam After", "UTC");
    String garbage = "{\"this is\": not an event " + UUID.randomUUID();
    String unknown =
        GoldenEvent.of(EventType.REQUEST_ANSWERED)
            .json()
            .replace("\"type\":\"RequestAnswered\"", "\"type\":\"InterviewTeleported\"");
    String good =
        GoldenEvent.of(EventType.REQUEST_ANSWERED)
            .with("studentId", studentId)
            .with("answer", "DECLINED")
            .withEmpty("proposedTimes")
            .json();
    double before = unknownCount();

    try (TopicProbe deadLetters = TopicProbe.on(Topics.deadLetter(Topics.INTERVIEWS));
        KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, "hostile", garbage)).get();
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, "hostile", unknown)).get();
      producer.send(new ProducerRecord<>(Topics.INTERVIEWS, "hostile", good)).get();

      await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.receivedBy(address).size() == 1);
      assertThat(
              deadLetters.pollUntil(
                  r -> r.stream().anyMatch(x -> garbage.equals(x.value())), Duration.ofSeconds(30)))
          .anySatisfy(r -> assertThat(r.value()).isEqualTo(garbage));
      assertThat(unknown).contains("InterviewTeleported");
      await().atMost(Duration.ofSeconds(10)).until(() -> unknownCount() > before);
    }
  }

  private double unknownCount() {
    return meters.find(UnknownEventTypes.METER).tag("topic", Topics.INTERVIEWS).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }
}
