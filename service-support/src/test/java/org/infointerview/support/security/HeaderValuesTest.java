package org.infointerview.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderValuesTest {

  private static final List<String> SAMPLES =
      List.of(
          "",
          "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzdHVkZW50In0.c2lnbmF0dXJl",
          "application/json; charset=UTF-8",
          "Zoë Müller",
          "日本語",
          "tab\there",
          "line\nbreak",
          "carriage\rreturn",
          "nul\u0000byte",
          "delete\u007f",
          "c1 control\u0085",
          "unassigned\u0378",
          "surrogate pair \uD83D\uDE00",
          "~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./");

  @Test
  void decidesEveryValueAsTheStrictFirewallDoes() {
    for (String value : SAMPLES) {
      assertThat(HeaderValues.allowed(value))
          .as("%s", value)
          .isEqualTo(StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value));
    }
  }

  @Test
  void printableAsciiPassesAndControlCharactersDoNot() {
    assertThat(HeaderValues.allowed("Bearer abc.def-ghi_jkl~mno+pqr/stu=")).isTrue();
    assertThat(HeaderValues.allowed("Bearer abc\u0000")).isFalse();
    assertThat(HeaderValues.allowed("Bearer abc\u007f")).isFalse();
  }
}
