package org.infointerview.benchmarks;

/** Samples a service's used heap through its metrics endpoint, keeping the peak. */
final class HeapSampler implements AutoCloseable {

  private final int servicePort;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile double peakBytes;

  HeapSampler(int servicePort) {
    this.servicePort = servicePort;
    this.thread = new Thread(this::sample, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (running) {
      try {
        peakBytes =
            Math.max(
                peakBytes,
                ServiceMetrics.read(servicePort, "jvm.memory.used?tag=area:heap", "VALUE"));
        // once a second: every 200 ms the sampling itself took about 4 % of contacts-service's CPU
        // during an import (JFR), in the very run it measured
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        // a missed sample
      }
    }
  }

  double peakMegabytes() {
    return peakBytes / (1024 * 1024);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
