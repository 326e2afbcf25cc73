package org.infointerview.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A launcher that dies without stopping what it started (here a shell with two children, killed
 * with SIGKILL as an out-of-memory halt ends it) leaves nothing running.
 */
class LeftoversTest {

  @Test
  void whatALauncherKilledLeftRunningIsStopped() throws Exception {
    // the second child ignores SIGTERM, as a process stuck in its shutdown would
    Process launcher =
        new ProcessBuilder("sh", "-c", "sleep 300 & (trap '' TERM; sleep 300) & wait").start();
    Leftovers leftovers = new Leftovers(launcher, Duration.ofSeconds(2));
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return leftovers.await();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    await()
        .atMost(10, TimeUnit.SECONDS)
        .until(() -> launcher.descendants().filter(p -> isSleep(p)).count() == 2);
    // seen by the watcher (it looks once a second)
    Thread.sleep(1_500);
    List<ProcessHandle> children = launcher.descendants().filter(p -> isSleep(p)).toList();

    launcher.destroyForcibly();

    assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(137);
    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(() -> assertThat(children).noneMatch(ProcessHandle::isAlive));
  }

  @Test
  void aLauncherThatStoppedItsProcessesEndsWithItsExitCode() throws Exception {
    Process launcher = new ProcessBuilder("sh", "-c", "sleep 1; exit 3").start();

    assertThat(new Leftovers(launcher, Duration.ofSeconds(2)).await()).isEqualTo(3);
  }

  private static boolean isSleep(ProcessHandle process) {
    return process.info().command().orElse("").endsWith("sleep");
  }
}
