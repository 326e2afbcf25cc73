package org.infointerview.localrun;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes a launcher started, stopped when it ends without stopping them itself. A launcher
 * killed, or halted by {@code -XX:+ExitOnOutOfMemoryError}, runs no shutdown hook: Kafka and the
 * services it started ran on without it, held their ports, and the next start refused to run ("are
 * in use: is another local run up?"). Its processes are noted while it runs (once a second), since
 * once it is gone they are no longer its descendants.
 */
final class Leftovers {

  private static final long POLL_MILLIS = 1_000;

  private final Process launcher;
  private final Duration grace;

  /**
   * @param grace how long each left process may take to stop before it is killed
   */
  Leftovers(Process launcher, Duration grace) {
    this.launcher = launcher;
    this.grace = grace;
  }

  /**
   * Waits until the launcher ends, then stops what it left running (politely, then forcibly after
   * the grace); returns the launcher's exit code.
   */
  int await() throws InterruptedException {
    Set<ProcessHandle> started = new LinkedHashSet<>();
    while (!launcher.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      launcher.descendants().forEach(started::add);
    }
    List<ProcessHandle> left = started.stream().filter(ProcessHandle::isAlive).toList();
    if (!left.isEmpty()) {
      System.err.printf(
          "[local-run] The launcher ended (exit code %d) and left %d processes running: stopping"
              + " them%n",
          launcher.exitValue(), left.size());
      stop(left);
    }
    return launcher.exitValue();
  }

  private void stop(List<ProcessHandle> left) throws InterruptedException {
    left.forEach(ProcessHandle::destroy);
    long until = System.nanoTime() + grace.toNanos();
    for (ProcessHandle process : left) {
      long remaining = until - System.nanoTime();
      try {
        process.onExit().get(Math.max(0, remaining), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        process.destroyForcibly();
      } catch (ExecutionException e) {
        // onExit never fails; the process is gone either way
      }
    }
  }
}
