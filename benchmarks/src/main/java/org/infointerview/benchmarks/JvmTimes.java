package org.infointerview.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infointerview.localrun.LocalPorts;

/**
 * What a service's JVM had spent on itself so far, read from its metrics endpoint: JIT compiling
 * and garbage-collection pauses. The difference of two readings says whether a measurement met a
 * warmed-up service or one still compiling its code.
 *
 * @param compilingSeconds the JIT compilers' time so far ({@code jvm.compilation.time})
 * @param gcPauseSeconds the collections' pauses so far ({@code jvm.gc.pause})
 */
record JvmTimes(double compilingSeconds, double gcPauseSeconds) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static JvmTimes of(int servicePort) {
    return new JvmTimes(
        read(servicePort, "jvm.compilation.time", "COUNT") / 1000.0,
        read(servicePort, "jvm.gc.pause", "TOTAL_TIME"));
  }

  JvmTimes since(JvmTimes before) {
    return new JvmTimes(
        compilingSeconds - before.compilingSeconds, gcPauseSeconds - before.gcPauseSeconds);
  }

  private static double read(int servicePort, String metric, String statistic) {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + LocalPorts.management(servicePort)
                + "/actuator/metrics/"
                + metric);
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher value =
          Pattern.compile(
                  "\"statistic\"\\s*:\\s*\""
                      + statistic
                      + "\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+-]+)")
              .matcher(response.body());
      return response.statusCode() == 200 && value.find() ? Double.parseDouble(value.group(1)) : 0;
    } catch (java.io.IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
