package org.infointerview.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.infointerview.localrun.LocalPorts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the mail benchmarks publish (events as the services write them) and read back (the mail the
 * local SMTP server took, with when, from the local run's mail viewer).
 */
final class MailEvents {

  /** One mail the SMTP server took. */
  record Received(String to, String subject, Instant at) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private MailEvents() {}

  /** A producer with the services' own settings (acknowledged by all, 5 ms linger). */
  static KafkaProducer<String, String> producer(int port) {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
  }

  static String envelope(String type, String subject, String source, String data) {
    return "{\"specversion\":\"1.0\",\"id\":\""
        + UUID.randomUUID()
        + "\",\"source\":\""
        + source
        + "\",\"type\":\""
        + type
        + "\",\"subject\":\""
        + subject
        + "\",\"time\":\""
        + Instant.now()
        + "\",\"datacontenttype\":\"application/json\",\"schemaversion\":1,\"data\":"
        + data
        + "}";
  }

  /** Publishes the student's profile and gives notifications-service time to keep it. */
  static void provision(KafkaProducer<String, String> producer, String userId, String address)
      throws Exception {
    producer.send(new ProducerRecord<>("contacts.events", userId, profile(userId, address))).get();
    Thread.sleep(3_000);
  }

  /** A student's profile, as contacts-service publishes it when they first sign in. */
  static String profile(String userId, String address) {
    return envelope(
        "UserProfileProvisioned",
        userId,
        "/contacts-service",
        "{\"userId\":\""
            + userId
            + "\",\"displayName\":\"Bench Student\",\"email\":\""
            + address
            + "\",\"timeZone\":\"UTC\",\"roles\":[\"STUDENT\"],\"version\":1}");
  }

  /** A person declined the student's request: one mail to the student, "<name> answered ...". */
  static String answered(String interviewId, String studentId, String contactName) {
    return envelope(
        "RequestAnswered",
        interviewId,
        "/interviews-service",
        "{\"interviewId\":\""
            + interviewId
            + "\",\"studentId\":\""
            + studentId
            + "\",\"contactDisplayName\":\""
            + contactName
            + "\",\"answer\":\"DECLINED\","
            + "\"message\":\"Not this month.\",\"acceptedStart\":null,\"proposedTimes\":[]}");
  }

  /**
   * An interview's due times changed: a follow-up is due at {@code followUpDueAt}, one reminder to
   * the student then.
   */
  static String followUpDue(
      String interviewId, String studentId, String contactName, Instant followUpDueAt) {
    return envelope(
        "InterviewDueDatesChanged",
        interviewId,
        "/interviews-service",
        "{\"interviewId\":\""
            + interviewId
            + "\",\"studentId\":\""
            + studentId
            + "\",\"contactId\":\"c-"
            + interviewId
            + "\",\"contactDisplayName\":\""
            + contactName
            + "\",\"meetingStartsAt\":null,\"followUpDueAt\":\""
            + followUpDueAt
            + "\",\"thankYouDueAt\":null,\"keepInTouchDueAt\":null,\"actionItemsDue\":[],"
            + "\"version\":1}");
  }

  /** Empties every mailbox of the local SMTP server. */
  static void purge(LocalPorts ports) throws Exception {
    HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.mailViewer() + "/messages"))
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** Every mail the local SMTP server took so far. */
  static List<Received> received(LocalPorts ports) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports.mailViewer() + "/messages/received"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    List<Received> all = new ArrayList<>();
    for (JsonNode mail : JSON.readTree(response.body())) {
      if (mail.has("receivedAt")) {
        all.add(
            new Received(
                mail.get("to").get(0).asString(),
                mail.get("subject").asString(),
                Instant.parse(mail.get("receivedAt").asString())));
      }
    }
    return all;
  }
}
