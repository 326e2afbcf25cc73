package org.infointerview.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** The resident memory of a set of processes together, sampled every second; keeps the peak. */
final class RssSampler implements AutoCloseable {

  private final Supplier<List<ProcessHandle>> processes;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long peakKb;
  private volatile int counted;

  RssSampler(Supplier<List<ProcessHandle>> processes) {
    this.processes = processes;
    this.thread = new Thread(this::sample, "rss-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (running) {
      List<ProcessHandle> now = processes.get();
      long total = now.stream().mapToLong(RssSampler::rssKb).sum();
      if (total > peakKb) {
        peakKb = total;
        counted = now.size();
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static long rssKb(ProcessHandle process) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  double peakMegabytes() {
    return peakKb / 1024.0;
  }

  int processes() {
    return counted;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
