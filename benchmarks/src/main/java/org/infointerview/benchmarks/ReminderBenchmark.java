package org.infointerview.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.infointerview.localrun.LocalPorts;

/**
 * Many reminders due in the same minute, sent by two instances of notifications-service (the local
 * run's {@code --second-instance}): each is counted in the SMTP server, a reminder mailed twice or
 * never is reported, and lateness is when the server took the mail after the reminder's due time.
 * The reminders are planned from {@code InterviewDueDatesChanged} events as interviews-service
 * publishes them (a follow-up due, spread evenly over one minute that begins {@code lead} seconds
 * later, for {@code students} students). {@code java -jar benchmarks/target/benchmarks.jar
 * reminders [reminders] [students] [lead seconds] [warm-up reminders]}.
 *
 * <p>Before them, {@code warm-up} reminders (default 2,000; 0 for none) are due over 20 seconds and
 * sent, not measured: a running service has compiled its sending path long before a busy minute,
 * and right after start the first seconds' mail waits for two JVMs compiling on two cores.
 */
final class ReminderBenchmark {

  private static final int OFFSET = 6_200;
  private static final Pattern NUMBERED = Pattern.compile("Rem (\\d+)$");
  private static final Pattern WARMING = Pattern.compile("Warm (\\d+)$");

  private ReminderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int reminders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int students = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int lead = args.length > 2 ? Integer.parseInt(args[2]) : 180;
    int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    try (LocalStack stack =
            LocalStack.start(
                OFFSET,
                Map.of(),
                List.of("--without=gateway", "--second-instance=notifications-service"));
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + stack.ports().mongo())) {
      LocalPorts ports = stack.ports();
      MongoDatabase store = client.getDatabase("notifications");
      String run = UUID.randomUUID().toString().substring(0, 8);
      try (KafkaProducer<String, String> producer = MailEvents.producer(ports.kafka())) {
        for (int s = 0; s < students; s++) {
          String student = student(run, s);
          producer.send(
              new ProducerRecord<>(
                  "contacts.events",
                  student,
                  MailEvents.profile(student, "rem-" + run + "-" + s + "@example.edu")));
        }
        producer.flush();
        awaitCount(store, "recipients", students, Duration.ofMinutes(3));
        if (warmUp > 0) {
          warmUp(ports, producer, run, warmUp, students);
        }

        Instant minute = Instant.now().plusSeconds(lead);
        Instant[] due = new Instant[reminders];
        Instant planning = Instant.now();
        for (int n = 0; n < reminders; n++) {
          due[n] = minute.plusMillis(60_000L * n / reminders);
          String interview = String.format("%08x%016x", n + 1, 0);
          producer.send(
              new ProducerRecord<>(
                  "interviews.events",
                  interview,
                  MailEvents.followUpDue(
                      interview, student(run, n % students), "Rem " + n, due[n])));
        }
        producer.flush();
        awaitCount(store, "delivery_queue", reminders, Duration.ofSeconds(lead));
        Instant planned = Instant.now();
        System.out.printf(
            "%,d reminders planned in %.1f s; the minute they are due begins in %d s%n",
            reminders,
            Duration.between(planning, planned).toMillis() / 1000.0,
            Duration.between(planned, minute).toSeconds());
        if (planned.isAfter(minute)) {
          System.out.println(
              "  (planning ran into the minute: a longer lead measures sending alone)");
        }

        Thread.sleep(
            Math.max(0, Duration.between(Instant.now(), minute.plusSeconds(60)).toMillis()));
        Instant deadline = minute.plus(Duration.ofMinutes(10));
        List<MailEvents.Received> mail = numbered(ports, NUMBERED);
        while (mail.size() < reminders && Instant.now().isBefore(deadline)) {
          Thread.sleep(2_000);
          mail = numbered(ports, NUMBERED);
        }
        Thread.sleep(5_000); // a duplicate would arrive late
        mail = numbered(ports, NUMBERED);

        Histogram lateness = new Histogram(3);
        Map<Integer, Integer> times = new HashMap<>();
        for (MailEvents.Received received : mail) {
          Matcher numbered = NUMBERED.matcher(received.subject());
          if (numbered.find()) {
            int n = Integer.parseInt(numbered.group(1));
            if (times.merge(n, 1, Integer::sum) == 1) {
              long late = Math.max(0, received.at().toEpochMilli() - due[n].toEpochMilli());
              lateness.recordValue(late);
              if (System.getenv("BENCH_TRACE") != null) {
                System.out.printf("trace %d %d %d%n", n, due[n].toEpochMilli(), late);
              }
            }
          }
        }
        long twice = times.values().stream().filter(count -> count > 1).count();
        System.out.printf(
            "%n%,d reminders due within one minute, two instances of notifications-service%n",
            reminders);
        System.out.printf(
            "  sent %,d, once each: %,d, more than once: %d, never: %d%n",
            mail.size(), times.size() - twice, twice, reminders - times.size());
        System.out.printf(
            "  lateness p50 %.2f s  p99 %.2f s  max %.2f s (goal p99 <= 5 s)%n",
            lateness.getValueAtPercentile(50) / 1000.0,
            lateness.getValueAtPercentile(99) / 1000.0,
            lateness.getMaxValue() / 1000.0);
      }
    }
  }

  /**
   * Reminders of other interviews due over 20 seconds from half a minute on (time to plan them),
   * waited for until every one is in the mail server (three minutes at most).
   */
  private static void warmUp(
      LocalPorts ports, KafkaProducer<String, String> producer, String run, int count, int students)
      throws Exception {
    Instant start = Instant.now().plusSeconds(30);
    for (int n = 0; n < count; n++) {
      String interview = String.format("%08x%016x", n + 1, 1);
      producer.send(
          new ProducerRecord<>(
              "interviews.events",
              interview,
              MailEvents.followUpDue(
                  interview,
                  student(run, n % students),
                  "Warm " + n,
                  start.plusMillis(20_000L * n / count))));
    }
    producer.flush();
    Instant deadline = start.plus(Duration.ofMinutes(3));
    int sent = 0;
    while (sent < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(2_000);
      sent = numbered(ports, WARMING).size();
    }
    System.out.printf("warm-up: %,d of %,d reminders sent%n", sent, count);
  }

  /** The mail received whose subject ends so. */
  private static List<MailEvents.Received> numbered(LocalPorts ports, Pattern subject)
      throws Exception {
    return MailEvents.received(ports).stream()
        .filter(received -> subject.matcher(received.subject()).find())
        .toList();
  }

  private static String student(String run, int s) {
    return "https://bench.example.edu|rem-" + run + "-" + s;
  }

  private static void awaitCount(MongoDatabase store, String collection, long count, Duration most)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(most);
    long now = store.getCollection(collection).countDocuments();
    while (now < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(1_000);
      now = store.getCollection(collection).countDocuments();
    }
    if (now < count) {
      System.out.printf("  only %,d of %,d in %s after %s%n", now, count, collection, most);
    }
  }
}
