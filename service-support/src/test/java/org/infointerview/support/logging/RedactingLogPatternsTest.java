package org.infointerview.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

@ExtendWith(OutputCaptureExtension.class)
class RedactingLogPatternsTest {

  @Configuration
  static class Empty {}

  private static final String SAID =
      "Invitation for priya.raman+career@example.org failed with bearer"
          + " eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzLTEifQ.c2lnbmF0dXJl, retrying";

  @Test
  void emailAddressesAndTokensNeverReachTheLog(CapturedOutput output) {
    log("--logging.structured.format.console=");

    assertThat(output.getOut())
        .contains("Invitation for [email] failed with bearer [token], retrying")
        .contains("java.lang.IllegalStateException: Could not reach [email]")
        .doesNotContain("priya.raman")
        .doesNotContain("eyJhbGciOiJSUzI1NiJ9");
  }

  /** JSON lines, switched on by one setting, in either format: message and stack trace redacted. */
  @ParameterizedTest
  @ValueSource(strings = {"ecs", "logstash"})
  void jsonLinesAreRedactedToo(String format, CapturedOutput output) {
    log("--logging.structured.format.console=" + format);

    String json =
        output.getOut().lines().filter(l -> l.contains("retrying")).findFirst().orElseThrow();
    assertThat(json)
        .startsWith("{")
        .contains("Invitation for [email] failed with bearer [token], retrying")
        .contains("Could not reach [email]")
        .doesNotContain("priya.raman")
        .doesNotContain("eyJhbGciOiJSUzI1NiJ9");
  }

  /** A line written inside a span names its trace, in text and in either JSON format. */
  @ParameterizedTest
  @ValueSource(strings = {"", "ecs", "logstash"})
  void linesNameTheirTrace(String format, CapturedOutput output) {
    String traceId;
    try (var context =
        new SpringApplicationBuilder(Traced.class)
            .web(WebApplicationType.NONE)
            .run("--logging.structured.format.console=" + format)) {
      Tracer tracer = context.getBean(Tracer.class);
      Span span = tracer.nextSpan().name("work").start();
      try (var scope = tracer.withSpan(span)) {
        LoggerFactory.getLogger("org.infointerview.test").info("Traced work for a@example.org");
      } finally {
        span.end();
      }
      traceId = span.context().traceId();
    }

    String line =
        output.getOut().lines().filter(l -> l.contains("Traced work")).findFirst().orElseThrow();
    assertThat(traceId).hasSize(32);
    assertThat(line).contains(traceId).contains("[email]").doesNotContain("a@example.org");
  }

  @Configuration
  @ImportAutoConfiguration({
    ObservationAutoConfiguration.class,
    OpenTelemetrySdkAutoConfiguration.class,
    MicrometerTracingAutoConfiguration.class,
    OpenTelemetryTracingAutoConfiguration.class
  })
  static class Traced {}

  private static void log(String... args) {
    try (var context =
        new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).run(args)) {
      LoggerFactory.getLogger("org.infointerview.test")
          .warn(SAID, new IllegalStateException("Could not reach priya.raman+career@example.org"));
    }
  }

  /** The address pattern, tried only where a run begins, finds what the plain one found. */
  @Test
  void theAddressesFoundAreThoseThePlainPatternFinds() {
    java.util.regex.Pattern plain =
        java.util.regex.Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z][A-Za-z]+");
    for (String text :
        List.of(
            "a.b@c@d.com",
            "x@y.io and z@w.org",
            "Message REQUEST_ANSWERED|93d5ecbe-608d-4a70|https://bench.example.edu|s-2794f1 sent as"
                + " <0f1e2d3c4b5a69788796a5b4c3d2e1f0@infointerview.example.edu>",
            "mailto:Priya.Raman+career@example.org;",
            "@example.org user@ a@b.c a@b.cd",
            "___________________________________________________________________________________",
            "émile@école.fr émile@ecole.fr")) {
      assertThat(RedactingLogPatterns.redact(text))
          .as(text)
          .isEqualTo(
              java.util.regex.Pattern.compile(RedactingLogPatterns.JWT)
                  .matcher(plain.matcher(text).replaceAll("[email]"))
                  .replaceAll("[token]"));
    }
  }
}
