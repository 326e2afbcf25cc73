package org.infointerview.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.infointerview.testinfra.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/** A broker away for less than the grace leaves the service ready; longer takes it out. */
class KafkaReachableTest {

  @Test
  void kafkaAwayCountsAsDownOnlyAfterTheGrace() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    KafkaAdmin admin =
        new KafkaAdmin(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closed,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000));
    MovableClock clock = new MovableClock();
    var health = new KafkaHealthConfiguration.KafkaReachable(admin, Duration.ofMinutes(2), clock);
    try {
      assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);

      clock.advance(Duration.ofMinutes(3));
      var after = health.health(true);
      assertThat(after.getStatus()).isEqualTo(Status.DOWN);
      assertThat(after.getDetails()).containsKey("unreachableFor");
    } finally {
      health.destroy();
    }
  }
}
