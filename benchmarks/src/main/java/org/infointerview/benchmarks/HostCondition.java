package org.infointerview.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * How fast the machine is at the moment, printed beside each round: a virtual machine's CPU can run
 * at half speed for minutes while a neighbour is busy, and not all of that shows as steal time. Two
 * readings: the share of CPU time the hypervisor took ({@code steal} in {@code /proc/stat}) during
 * the round, and how long a fixed piece of single-threaded work (hashing 32 MiB) takes just before
 * it. A round with much steal or slow fixed work measured the host too.
 */
final class HostCondition {

  private static final Path STAT = Path.of("/proc/stat");
  private static final byte[] BLOCK = new byte[64 * 1024];
  private static final int BLOCKS = 512;

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

  /** Milliseconds the fixed work takes on this thread (the best of three tries). */
  static double fixedWorkMillis() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      long best = Long.MAX_VALUE;
      for (int attempt = 0; attempt < 3; attempt++) {
        long start = System.nanoTime();
        for (int i = 0; i < BLOCKS; i++) {
          sha.update(BLOCK);
        }
        sha.digest();
        best = Math.min(best, System.nanoTime() - start);
      }
      return best / 1e6;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
