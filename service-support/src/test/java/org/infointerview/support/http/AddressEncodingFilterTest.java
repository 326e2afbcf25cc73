package org.infointerview.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressEncodingFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x=%FF",
        "q=%C3%28",
        "x=%E2%82",
        "x=%C0%AF",
        "x=%ED%A0%80",
        "x=%ZZ",
        "x=%4",
        "x=%",
        "/api/contacts/%FF"
      })
  void escapesThatAreNotUtf8TextAreRefused(String raw) {
    assertThat(AddressEncodingFilter.isUtf8(raw)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "q=ada%40example.org&page=2",
        "q=%C3%A9l%C3%A9onore",
        "q=%E6%9D%B1%E4%BA%AC",
        "q=%F0%9F%98%80",
        "q=plain+words",
        "q=é"
      })
  void utf8TextPasses(String raw) {
    assertThat(AddressEncodingFilter.isUtf8(raw)).isTrue();
  }

  @Test
  void anAddressWithoutEscapesOrAQueryPasses() {
    assertThat(AddressEncodingFilter.isUtf8(null)).isTrue();
    assertThat(AddressEncodingFilter.isUtf8("/api/contacts/contacts")).isTrue();
  }
}
