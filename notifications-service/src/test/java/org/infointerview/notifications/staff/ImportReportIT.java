package org.infointerview.notifications.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.notifications.RecipientFixtures;
import org.infointerview.notifications.delivery.Delivery;
import org.infointerview.notifications.delivery.DeliveryStatus;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.InfrastructureTest;
import org.infointerview.testinfra.Mailbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * contacts-service's golden AlumniImportCompleted, as on the wire, reaches the admin it names by
 * mail and in their inbox: finished with its counts, or failed with why; nobody to tell is a FAILED
 * message with the reason, for the delivery log.
 */
@SpringBootTest
@InfrastructureTest
class ImportReportIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired MongoTemplate mongo;

  @Test
  void theAdminWhoStartedAnImportLearnsHowItEndedByMailAndInTheirInbox() throws Exception {
    String address = "ines-" + UUID.randomUUID() + "@example.edu";
    String adminId = RecipientFixtures.student(mongo, address, "Ines Admin", "UTC");
    GoldenEvent done = GoldenEvent.of(EventType.ALUMNI_IMPORT_COMPLETED).with("reportTo", adminId);
    GoldenEvent broke =
        GoldenEvent.of(EventType.ALUMNI_IMPORT_COMPLETED)
            .with("reportTo", adminId)
            .with("status", "FAILED")
            .with("failure", "the alumni API answered 503 three times");

    publish(done);
    publish(broke);

    await().atMost(WAIT).until(() -> Mailbox.receivedBy(address).size() == 2);
    MimeMessage finished = byStart(address, "Import finished");
    assertThat(finished.getSubject()).isEqualTo("Import finished: alumni DB export");
    assertThat(Mailbox.part(finished, "text/plain"))
        .contains("Hello Ines Admin,")
        .contains("Contacts created: 1100")
        .contains("Rows rejected: 10")
        .contains("/api/contacts/imports/imp-2026-11-29-alumni-db/errors");
    MimeMessage failed = byStart(address, "Import failed");
    assertThat(Mailbox.part(failed, "text/plain"))
        .contains("stopped: the alumni API answered 503 three times");
    await()
        .atMost(WAIT)
        .until(
            () ->
                mongo.count(
                        Query.query(
                            Criteria.where("userId").is(adminId).and("kind").is("IMPORT_ENDED")),
                        "inbox")
                    == 2);
  }

  @Test
  void anImportThatNamesNobodyToTellIsKeptAsAFailedMessageWithWhy() throws Exception {
    String stranger = "https://sso.example.edu|never-seen-" + UUID.randomUUID();
    GoldenEvent done = GoldenEvent.of(EventType.ALUMNI_IMPORT_COMPLETED).with("reportTo", stranger);

    publish(done);

    String id = "IMPORT_ENDED|" + done.id() + "|" + stranger;
    await().atMost(WAIT).until(() -> mongo.findById(id, Delivery.class) != null);
    Delivery kept = mongo.findById(id, Delivery.class);
    assertThat(kept.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(kept.lastError()).contains("Nobody to tell");
  }

  private static MimeMessage byStart(String address, String subject) {
    return Mailbox.receivedBy(address).stream()
        .filter(
            m -> {
              try {
                return m.getSubject().startsWith(subject);
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .findFirst()
        .orElseThrow();
  }

  private static void publish(GoldenEvent fact) throws Exception {
    try (KafkaProducer<String, String> producer = Infrastructure.get().producer()) {
      producer.send(GoldenEvent.asRelayed(Topics.CONTACTS, fact.id(), fact.json())).get();
    }
  }
}
