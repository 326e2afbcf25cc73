package org.infointerview.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infointerview.localrun.LocalPorts;

/** A service's metric as its management port's actuator answers it. */
final class ServiceMetrics {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ServiceMetrics() {}

  /**
   * One statistic of a metric ({@code VALUE}, {@code COUNT}, {@code TOTAL_TIME}...), or 0 when the
   * service did not answer with it.
   *
   * @param metric the metric's name, with its tag query if any ({@code
   *     jvm.memory.used?tag=area:heap})
   */
  static double read(int servicePort, String metric, String statistic) {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + LocalPorts.management(servicePort)
                + "/actuator/metrics/"
                + metric);
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher value =
          Pattern.compile(
                  "\"statistic\"\\s*:\\s*\""
                      + Pattern.quote(statistic)
                      + "\"\\s*,\\s*\"value\"\\s*:\\s*([0-9.Ee+-]+)")
              .matcher(response.body());
      return response.statusCode() == 200 && value.find() ? Double.parseDouble(value.group(1)) : 0;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
