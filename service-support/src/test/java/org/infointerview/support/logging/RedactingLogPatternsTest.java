package org.infointerview.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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

  @Test
  void emailAddressesAndTokensNeverReachTheLog(CapturedOutput output) {
    try (var context =
        new SpringApplicationBuilder(Empty.class).web(WebApplicationType.NONE).run()) {
      LoggerFactory.getLogger("org.infointerview.test")
          .warn(
              "Invitation for priya.raman+career@example.org failed with bearer"
                  + " eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzLTEifQ.c2lnbmF0dXJl, retrying");
    }

    assertThat(output.getOut())
        .contains("Invitation for [email] failed with bearer [token], retrying")
        .doesNotContain("priya.raman")
        .doesNotContain("eyJhbGciOiJSUzI1NiJ9");
  }
}
