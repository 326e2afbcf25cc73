package org.infointerview.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
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

  private static void log(String... args) {
    try (var context =
        new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).run(args)) {
      LoggerFactory.getLogger("org.infointerview.test")
          .warn(SAID, new IllegalStateException("Could not reach priya.raman+career@example.org"));
    }
  }
}
