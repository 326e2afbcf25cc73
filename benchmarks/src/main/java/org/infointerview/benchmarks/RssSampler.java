package org.infointerview.benchmarks;

import java.util.List;
import java.util.function.Supplier;
import org.infointerview.localrun.ProcessMemory;

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
      long total = now.stream().mapToLong(ProcessMemory::rssKb).sum();
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
