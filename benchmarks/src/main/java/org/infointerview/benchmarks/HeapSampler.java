package org.infointerview.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infointerview.localrun.LocalPorts;

/** Samples a service's used heap through its metrics endpoint, keeping the peak. */
final class HeapSampler implements AutoCloseable {

  private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI metrics;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile double peakBytes;

  HeapSampler(int servicePort) {
    this.metrics =
        URI.create(
            "http://127.0.0.1:"
                + LocalPorts.management(servicePort)
                + "/actuator/metrics/jvm.memory.used?tag=area:heap");
    this.thread = new Thread(this::sample, "heap-sampler");
    thread.setDaemon(true);
    thread.start();
  }

  private void sample() {
    while (running) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher value = VALUE.matcher(response.body());
        if (response.statusCode() == 200 && value.find()) {
          peakBytes = Math.max(peakBytes, Double.parseDouble(value.group(1)));
        }
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
