package org.infointerview.benchmarks;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.infointerview.localrun.LocalPorts;

/**
 * Mails per second out of notifications-service over kept SMTP connections, beside one connection
 * per message ({@code INFOINTERVIEW_DELIVERY_REUSE_CONNECTIONS=false}), in the deployed shape: the
 * local run on its own ports, a student's profile and then {@code mails} answers to their requests
 * published on the broker at once, timed until the dev SMTP server holds every mail (counted over
 * IMAP). Same machine, same run, one stack after the other: {@code java -jar
 * benchmarks/target/benchmarks.jar mail [mails]}.
 */
final class MailBenchmark {

  private static final int OFFSET = 6_000;

  private MailBenchmark() {}

  public static void main(String[] args) throws Exception {
    int mails = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    double perConnection = run(false, mails);
    double kept = run(true, mails);
    System.out.printf(
        "%nmails/s: one connection per mail %.1f, kept connections %.1f: %.2fx (goal >= 1.5x)%n",
        perConnection, kept, kept / perConnection);
  }

  /** Mails per second for this setting. */
  private static double run(boolean reuse, int mails) throws Exception {
    System.out.printf("%n== reuse-connections=%s, %d mails ==%n", reuse, mails);
    try (LocalStack stack =
        LocalStack.start(
            OFFSET,
            Map.of("INFOINTERVIEW_DELIVERY_REUSE_CONNECTIONS", String.valueOf(reuse)),
            List.of("--without=gateway"))) {
      LocalPorts ports = stack.ports();
      String student = "https://bench.example.edu|s-" + UUID.randomUUID();
      String address = "bench-" + UUID.randomUUID() + "@example.edu";
      try (KafkaProducer<String, String> producer = MailEvents.producer(ports.kafka())) {
        MailEvents.provision(producer, student, address);
        Instant start = Instant.now();
        for (int i = 0; i < mails; i++) {
          String interview = String.format("%024x", i + 1);
          producer.send(
              new ProducerRecord<>(
                  "interviews.events",
                  interview,
                  MailEvents.answered(interview, student, "Ada Park")));
        }
        producer.flush();
        int received = 0;
        Instant deadline = start.plus(Duration.ofMinutes(10));
        while (received < mails && Instant.now().isBefore(deadline)) {
          Thread.sleep(200);
          received = count(ports.imap(), address);
        }
        Duration took = Duration.between(start, Instant.now());
        double perSecond = received / (took.toMillis() / 1000.0);
        System.out.printf(
            "%d of %d mails in %.1f s: %.1f mails/s%n",
            received, mails, took.toMillis() / 1000.0, perSecond);
        return perSecond;
      }
    }
  }

  /** How many mails the dev SMTP server holds for the address (0 before the first). */
  private static int count(int imapPort, String address) {
    Properties settings = new Properties();
    settings.put("mail.imap.connectiontimeout", "2000");
    settings.put("mail.imap.timeout", "5000");
    try {
      Store store = Session.getInstance(settings).getStore("imap");
      store.connect("127.0.0.1", imapPort, address, address);
      try {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        try {
          return inbox.getMessageCount();
        } finally {
          inbox.close(false);
        }
      } finally {
        store.close();
      }
    } catch (MessagingException notYet) {
      return 0;
    }
  }
}
