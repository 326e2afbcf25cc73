package org.infointerview.testinfra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.infointerview.kafkabroker.KafkaServerProcess;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB endpoint of one test JVM, chosen once: Testcontainers (pinned {@code
 * apache/kafka} and {@code mongo} images, Mongo as a single-node replica set) when a Docker engine
 * answers, otherwise an in-JVM KRaft broker and mongo-java-server. Every test runs the same way on
 * both. {@code -Dinfointerview.test.infrastructure=embedded} forces the embedded path, {@code
 * containers} the containers (failing loudly without an engine); how an engine is found is {@link
 * DockerDetection}'s.
 */
public final class Infrastructure {

  /** The pinned broker image; the same Kafka version as the client. */
  public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

  /** The pinned MongoDB image. */
  public static final String MONGO_IMAGE = "mongo:8.0.16";

  /** Partitions of every topic the tests create, as in production. */
  public static final int PARTITIONS = KafkaServerProcess.PARTITIONS;

  private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
  private static volatile Infrastructure instance;
  private static volatile GreenMail mail;

  private final Kind kind;
  private final String kafkaBootstrapServers;
  private final String mongoUri;
  private final AutoCloseable shutdown;

  /** Which infrastructure this JVM runs on. */
  public enum Kind {
    TESTCONTAINERS,
    EMBEDDED
  }

  private Infrastructure(
      Kind kind, String kafkaBootstrapServers, String mongoUri, AutoCloseable shutdown) {
    this.kind = kind;
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.mongoUri = mongoUri;
    this.shutdown = shutdown;
  }

  /** The infrastructure of this JVM, started on first use and stopped when the JVM exits. */
  public static Infrastructure get() {
    Infrastructure local = instance;
    if (local == null) {
      synchronized (Infrastructure.class) {
        local = instance;
        if (local == null) {
          local = start();
          instance = local;
          Infrastructure started = local;
          Runtime.getRuntime()
              .addShutdownHook(new Thread(started::stop, "test-infrastructure-shutdown"));
        }
      }
    }
    return local;
  }

  /**
   * The SMTP server of this JVM (GreenMail, a real SMTP server in the JVM, whichever kind of
   * infrastructure runs): tests read the mail services sent from it.
   */
  public static GreenMail mail() {
    GreenMail local = mail;
    if (local == null) {
      synchronized (Infrastructure.class) {
        local = mail;
        if (local == null) {
          local = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
          local.start();
          GreenMail started = local;
          Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "smtp-shutdown"));
          mail = local;
        }
      }
    }
    return local;
  }

  public Kind kind() {
    return kind;
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  /**
   * A producer of text records to this broker, sending at once ({@code linger.ms} 0), for tests
   * that publish events as another service would; the caller closes it.
   */
  public KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafkaBootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG,
            0),
        new StringSerializer(),
        new StringSerializer());
  }

  /** A connection string for the given database. */
  public String mongoUri(String database) {
    return mongoUri + "/" + database;
  }

  /** A start that failed, remembered so that no later test context of this JVM tries again. */
  private static volatile @Nullable RuntimeException failed;

  private static Infrastructure start() {
    RuntimeException before = failed;
    if (before != null) {
      throw new IllegalStateException("The test infrastructure failed to start earlier", before);
    }
    Infrastructure infrastructure;
    try {
      infrastructure = useContainers() ? containers() : embedded();
    } catch (RuntimeException e) {
      failed = e;
      throw e;
    }
    log.info(
        "Test infrastructure: {} (Kafka {}, MongoDB {})",
        infrastructure.kind,
        infrastructure.kafkaBootstrapServers,
        infrastructure.mongoUri);
    return infrastructure;
  }

  private static volatile @Nullable Boolean containers;

  /**
   * Whether this JVM's infrastructure runs in containers ({@link DockerDetection}), decided once
   * for the JVM and logged with the reason.
   */
  static boolean useContainers() {
    Boolean decided = containers;
    if (decided == null) {
      synchronized (Infrastructure.class) {
        decided = containers;
        if (decided == null) {
          DockerDetection.Switch choice =
              DockerDetection.Switch.of(System.getProperty("infointerview.test.infrastructure"));
          List<String> hints =
              DockerDetection.hints(
                  System.getenv(), Path.of(System.getProperty("user.home")), Files::exists);
          decided = DockerDetection.useContainers(choice, hints, Infrastructure::dockerAnswers);
          log.info(
              "Docker engine: {} (switch {}, announced by {})",
              decided ? "answers, tests run on containers" : "none, tests run embedded",
              choice,
              hints.isEmpty() ? "nothing" : hints);
          containers = decided;
        }
      }
    }
    return decided;
  }

  /** Whether Testcontainers reaches an engine; why not is logged, never swallowed. */
  private static boolean dockerAnswers() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      log.warn("Testcontainers could not reach the Docker engine that announced itself", e);
      return false;
    }
  }

  private static Infrastructure containers() {
    KafkaContainer kafka =
        new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_NUM_PARTITIONS", String.valueOf(PARTITIONS));
    MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
    try {
      kafka.start();
      mongo.start();
    } catch (RuntimeException e) {
      kafka.stop();
      mongo.stop();
      throw new IllegalStateException(
          "The test containers ("
              + KAFKA_IMAGE
              + ", "
              + MONGO_IMAGE
              + ") did not start; -Dinfointerview.test.infrastructure=embedded runs without them",
          e);
    }
    String replicaSetUrl = mongo.getReplicaSetUrl();
    String base = replicaSetUrl.substring(0, replicaSetUrl.lastIndexOf('/'));
    return new Infrastructure(
        Kind.TESTCONTAINERS,
        kafka.getBootstrapServers(),
        base,
        () -> {
          kafka.stop();
          mongo.stop();
        });
  }

  private static Infrastructure embedded() {
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
    kafka.brokerProperties(
        Map.of(
            "auto.create.topics.enable", "true",
            "num.partitions", String.valueOf(PARTITIONS),
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0"));
    kafka.afterPropertiesSet();
    MongoServer mongo = new MongoServer(new MemoryBackend());
    InetSocketAddress address = mongo.bind();
    return new Infrastructure(
        Kind.EMBEDDED,
        kafka.getBrokersAsString(),
        "mongodb://127.0.0.1:" + address.getPort(),
        () -> {
          kafka.destroy();
          mongo.shutdownNow();
        });
  }

  private void stop() {
    try {
      shutdown.close();
    } catch (Exception e) {
      log.warn("Stopping the test infrastructure failed", e);
    }
  }
}
