package org.infointerview.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * How fast the machine is at the moment, printed beside each round: a virtual machine can serve a
 * request at half speed for minutes while a neighbour is busy, and not all of that shows as steal
 * time. Three readings: the share of CPU time the hypervisor took ({@code steal} in {@code
 * /proc/stat}) during the round; how long two threads take to hand a value to each other and back
 * (the wake-ups every proxied request pays several of); and how long reads at random places of 4
 * MiB and of 64 MiB take (the first fits the shared cache of a quiet host, the second misses it: a
 * busy neighbour makes both slower while a loop in the CPU's own cache runs as fast as ever). A
 * round with much steal, or slow hand-offs or reads, measured the host too.
 */
final class HostCondition {

  private static final Path STAT = Path.of("/proc/stat");
  private static final int HAND_OFFS = 2_000;
  private static final int[] MEMORY = cycle(16 * 1024 * 1024);
  private static final int[] CACHE = cycle(1024 * 1024);
  private static final int READS = 2_000_000;

  /**
   * A table whose slots name the next slot to read, in one cycle through every slot (Sattolo's
   * shuffle), so the reads never settle in a short loop that fits the cache.
   */
  private static int[] cycle(int slots) {
    int[] table = new int[slots];
    for (int i = 0; i < slots; i++) {
      table[i] = i;
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = slots - 1; i > 0; i--) {
      int j = random.nextInt(i);
      int swap = table[i];
      table[i] = table[j];
      table[j] = swap;
    }
    return table;
  }

  private final long[] ticks;

  private HostCondition(long[] ticks) {
    this.ticks = ticks;
  }

  /** The machine's CPU time counters now; none where {@code /proc/stat} cannot be read. */
  static HostCondition now() {
    try {
      String cpu = Files.readAllLines(STAT).get(0);
      return new HostCondition(
          Arrays.stream(cpu.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray());
    } catch (IOException | RuntimeException e) {
      return new HostCondition(new long[0]);
    }
  }

  /** Percent of all CPU time since {@code earlier} that was stolen; -1 when unknown. */
  double stealPercentSince(HostCondition earlier) {
    // user nice system idle iowait irq softirq steal: steal is the eighth
    if (ticks.length < 8 || earlier.ticks.length < 8) {
      return -1;
    }
    long total = 0;
    for (int i = 0; i < 8; i++) {
      total += ticks[i] - earlier.ticks[i];
    }
    return total == 0 ? 0 : 100.0 * (ticks[7] - earlier.ticks[7]) / total;
  }

  /**
   * Microseconds for one hand-off there and back between two threads that sleep until woken (the
   * median of three tries).
   */
  static double handOffMicros() throws InterruptedException {
    double[] tries = new double[3];
    for (int t = 0; t < tries.length; t++) {
      tries[t] = handOffs();
    }
    Arrays.sort(tries);
    return tries[1];
  }

  private static double handOffs() throws InterruptedException {
    Thread caller = Thread.currentThread();
    AtomicInteger turn = new AtomicInteger(); // 1: the partner's, 0: the caller's
    Thread partner =
        new Thread(
            () -> {
              for (int i = 0; i < HAND_OFFS; i++) {
                while (turn.get() != 1) {
                  LockSupport.park();
                }
                turn.set(0);
                LockSupport.unpark(caller);
              }
            },
            "hand-off-partner");
    partner.setDaemon(true);
    partner.start();
    long start = System.nanoTime();
    for (int i = 0; i < HAND_OFFS; i++) {
      turn.set(1);
      LockSupport.unpark(partner);
      while (turn.get() != 0) {
        LockSupport.park();
      }
    }
    double micros = (System.nanoTime() - start) / 1e3 / HAND_OFFS;
    partner.join();
    return micros;
  }

  /** Nanoseconds per dependent read at a random place of 64 MiB (the best of three). */
  static double memoryReadNanos() {
    return readNanos(MEMORY);
  }

  /**
   * Nanoseconds per dependent read at a random place of 4 MiB (the best of three): a working set of
   * the size of a service's hot code and data, which the CPU's shared last-level cache holds while
   * neighbours leave it alone (tens of ns) and loses when they do (near the 64 MiB reading).
   */
  static double cacheReadNanos() {
    return readNanos(CACHE);
  }

  private static double readNanos(int[] table) {
    double best = Double.MAX_VALUE;
    int at = 0;
    for (int t = 0; t < 3; t++) {
      long start = System.nanoTime();
      for (int i = 0; i < READS; i++) {
        at = table[at];
      }
      best = Math.min(best, (System.nanoTime() - start) / (double) READS);
    }
    return at < 0 ? -1 : best; // uses the chain's end, so the reads cannot be left out
  }
}
