package org.infointerview.benchmarks;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.infointerview.localrun.LocalPorts;

/**
 * From an event on the broker to the mail the SMTP server took, at a steady rate (50 events/s for 2
 * minutes by default), beside the bare path on the same broker and server in the same run: a
 * kafka-clients producer, a consumer, and one SMTP send per record over a kept connection. The
 * services' path: a {@code RequestAnswered} on {@code interviews.events} becomes the student's mail
 * through notifications-service (its idempotent consumer, the student's choices, templates, the
 * delivery record before the send, the inbox). Latency is the producer's clock at the send to the
 * SMTP server's clock when it took the mail (same machine). {@code java -jar
 * benchmarks/target/benchmarks.jar event-mail [events/s] [seconds]}.
 */
final class EventMailBenchmark {

  private static final int OFFSET = 6_100;
  private static final String BARE_TOPIC = "bench.bare";
  private static final int ROUNDS = 6;
  private static final Pattern NUMBERED = Pattern.compile("(Warm|Bench|Bare) (\\d+)");

  private EventMailBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 120;
    int events = rate * seconds;
    // A minute per path before measuring: after 20 s, the first measured round of the services
    // was still slower than the rest in every run (p50 14-21 ms against 12, p99 74-110 ms against
    // 28-45: their compilers and heaps still at work), a start-up cost, not the steady state.
    int warmUp = rate * Math.min(seconds, 60);
    try (LocalStack stack = LocalStack.start(OFFSET, Map.of(), List.of("--without=gateway"))) {
      LocalPorts ports = stack.ports();
      String student = "https://bench.example.edu|s-" + UUID.randomUUID();
      String studentAddress = "bench-" + UUID.randomUUID() + "@example.edu";
      String bareAddress = "bare-" + UUID.randomUUID() + "@example.edu";
      try (KafkaProducer<String, String> producer = MailEvents.producer(ports.kafka());
          Admin admin =
              Admin.create(
                  Map.of(
                      AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.kafka()))) {
        admin.createTopics(List.of(new NewTopic(BARE_TOPIC, 3, (short) 1))).all().get();
        MailEvents.provision(producer, student, studentAddress);

        BareConsumer bare = new BareConsumer(ports, bareAddress);
        bare.start();
        IntFunction<ProducerRecord<String, String>> barePath =
            n -> new ProducerRecord<>(BARE_TOPIC, "k" + n, "Bare " + n);
        IntFunction<ProducerRecord<String, String>> servicePath =
            n -> {
              String interview = String.format("%024x", n + 1);
              return new ProducerRecord<>(
                  "interviews.events",
                  interview,
                  MailEvents.answered(interview, student, "Bench " + n));
            };
        System.out.printf("warming up: %d events on each path...%n", warmUp);
        long[] ignored = new long[warmUp];
        paced(producer, rate, warmUp, n -> warm(barePath.apply(n)), ignored);
        paced(producer, rate, warmUp, n -> warm(servicePath.apply(n)), ignored);
        awaitMail(ports, 2 * warmUp, Duration.ofMinutes(3));
        MailEvents.purge(ports);

        // In rounds that alternate which path goes first, the SMTP server emptied after each
        // phase: both paths meet the same warmth, neighbours and mailbox sizes.
        int perPhase = events / ROUNDS;
        long[] bareSent = new long[perPhase * ROUNDS];
        long[] serviceSent = new long[perPhase * ROUNDS];
        Histogram bareLatency = new Histogram(3);
        Histogram serviceLatency = new Histogram(3);
        int[] counts = new int[2];
        for (int round = 0; round < ROUNDS; round++) {
          int first = round * perPhase;
          for (int phase = 0; phase < 2; phase++) {
            boolean bareNow = (round + phase) % 2 == 0;
            IntFunction<ProducerRecord<String, String>> path = bareNow ? barePath : servicePath;
            long[] sent = bareNow ? bareSent : serviceSent;
            System.out.printf(
                "round %d: %s, %d events at %d/s%n",
                round + 1, bareNow ? "bare path" : "services", perPhase, rate);
            paced(producer, rate, perPhase, n -> path.apply(first + n), sent, first);
            List<MailEvents.Received> mail = awaitMail(ports, perPhase, Duration.ofMinutes(5));
            MailEvents.purge(ports);
            for (MailEvents.Received received : mail) {
              Matcher numbered = NUMBERED.matcher(received.subject());
              if (numbered.find()) {
                int n = Integer.parseInt(numbered.group(2));
                long latency = Math.max(0, received.at().toEpochMilli() - sent[n]);
                (bareNow ? bareLatency : serviceLatency).recordValue(latency);
                counts[bareNow ? 0 : 1]++;
                if (!bareNow && System.getenv("BENCH_TRACE") != null) {
                  System.out.printf("trace %d %d %d%n", n, sent[n], latency);
                }
              }
            }
          }
        }
        bare.stop();
        int bareCount = counts[0];
        int serviceCount = counts[1];
        events = perPhase * ROUNDS;
        System.out.printf(
            "%nevent -> mail taken by the SMTP server, %d events at %d/s on each path%n",
            events, rate);
        print("bare kafka-clients + SMTP", bareCount, events, bareLatency);
        print("notifications-service", serviceCount, events, serviceLatency);
        System.out.printf(
            "  ratio p50 %.2fx, p99 %.2fx (goal p99 <= 3x)%n",
            ratio(serviceLatency, bareLatency, 50), ratio(serviceLatency, bareLatency, 99));
      }
    }
  }

  private static double ratio(Histogram services, Histogram bare, double percentile) {
    return (double) services.getValueAtPercentile(percentile)
        / Math.max(1, bare.getValueAtPercentile(percentile));
  }

  private static void print(String path, int count, int events, Histogram latency) {
    System.out.printf(
        "  %-26s %5d of %5d mails  p50 %5d ms  p99 %5d ms  max %5d ms%n",
        path,
        count,
        events,
        latency.getValueAtPercentile(50),
        latency.getValueAtPercentile(99),
        latency.getMaxValue());
  }

  /** The record, renamed for the warm-up (its mail is not counted). */
  private static ProducerRecord<String, String> warm(ProducerRecord<String, String> record) {
    return new ProducerRecord<>(
        record.topic(),
        record.key(),
        record.value().replace("Bench ", "Warm ").replace("Bare ", "Warm "));
  }

  /**
   * Sends {@code events} records at {@code rate} per second on a fixed schedule, noting when each
   * was handed to the producer.
   */
  private static void paced(
      KafkaProducer<String, String> producer,
      int rate,
      int events,
      IntFunction<ProducerRecord<String, String>> record,
      long[] sentAt)
      throws InterruptedException {
    paced(producer, rate, events, record, sentAt, 0);
  }

  /** The same, noting send times from {@code sentAt[offset]} on. */
  private static void paced(
      KafkaProducer<String, String> producer,
      int rate,
      int events,
      IntFunction<ProducerRecord<String, String>> record,
      long[] sentAt,
      int offset)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
    long every = 1_000_000_000L / rate;
    pace.scheduleAtFixedRate(
        () -> {
          int n = next.getAndIncrement();
          if (n >= events) {
            return;
          }
          ProducerRecord<String, String> made = record.apply(n);
          sentAt[offset + n] = System.currentTimeMillis();
          producer.send(made);
        },
        0,
        every,
        TimeUnit.NANOSECONDS);
    while (next.get() < events) {
      Thread.sleep(100);
    }
    pace.shutdown();
    pace.awaitTermination(5, TimeUnit.SECONDS);
    producer.flush();
  }

  private static List<MailEvents.Received> awaitMail(LocalPorts ports, int count, Duration most)
      throws Exception {
    Instant deadline = Instant.now().plus(most);
    List<MailEvents.Received> mail = MailEvents.received(ports);
    while (mail.size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(2_000);
      mail = MailEvents.received(ports);
    }
    return mail;
  }

  /** The bare path's consumer: each record becomes one mail over a kept SMTP connection. */
  private static final class BareConsumer {
    private final LocalPorts ports;
    private final String address;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    BareConsumer(LocalPorts ports, String address) {
      this.ports = ports;
      this.address = address;
      this.thread = new Thread(this::run, "bare-consumer");
    }

    void start() throws InterruptedException {
      thread.start();
      Thread.sleep(3_000); // joined its group
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(10_000);
    }

    private void run() {
      Properties settings = new Properties();
      settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.kafka());
      settings.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-bare-" + UUID.randomUUID());
      settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
      Properties mail = new Properties();
      mail.put("mail.smtp.host", "127.0.0.1");
      mail.put("mail.smtp.port", String.valueOf(ports.smtp()));
      Session session = Session.getInstance(mail);
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of(BARE_TOPIC));
        Transport smtp = session.getTransport("smtp");
        smtp.connect();
        try {
          while (running.get()) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
              MimeMessage message = new MimeMessage(session);
              message.setFrom(new InternetAddress("no-reply@infointerview.local"));
              message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
              message.setSubject(record.value());
              message.setText("A bare mail for " + record.value() + ".", "UTF-8");
              message.saveChanges();
              try {
                smtp.sendMessage(message, message.getAllRecipients());
              } catch (MessagingException dropped) {
                // the server closed the kept connection: as the service does, once on a new one
                smtp.close();
                smtp.connect();
                smtp.sendMessage(message, message.getAllRecipients());
              }
            }
            consumer.commitAsync();
          }
        } finally {
          smtp.close();
        }
      } catch (MessagingException e) {
        throw new IllegalStateException("The bare path could not send", e);
      }
    }
  }
}
