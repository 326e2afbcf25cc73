package org.infointerview.support.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextValidatorTest {

  private static PlainTextValidator validator(boolean lines) {
    PlainTextValidator validator = new PlainTextValidator();
    validator.initialize(
        new PlainText() {
          @Override
          public boolean lines() {
            return lines;
          }

          @Override
          public String message() {
            return "";
          }

          @Override
          public Class<?>[] groups() {
            return new Class<?>[0];
          }

          @SuppressWarnings("unchecked")
          @Override
          public Class<? extends jakarta.validation.Payload>[] payload() {
            return new Class[0];
          }

          @Override
          public Class<? extends java.lang.annotation.Annotation> annotationType() {
            return PlainText.class;
          }
        });
    return validator;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What led you here?",
        "Ñandú, Łódź, 北京, عربي",
        "Emoji 🎓 fine",
        "می‌خواهم",
        "👩‍🎓",
        ""
      })
  void textPeopleReadIsPlain(String text) {
    assertThat(validator(false).isValid(text, null)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a\u0000b", "esc\u001b[31m", "rtl\u202eevil", "zero\u200bwidth", "bell\u0007"})
  void controlAndInvisibleCharactersAreNot(String text) {
    assertThat(validator(false).isValid(text, null)).isFalse();
    assertThat(validator(true).isValid(text, null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"two\nlines", "a\r\nb", "tab\there"})
  void lineBreaksAndTabsOnlyWhereAllowed(String text) {
    assertThat(validator(false).isValid(text, null)).isFalse();
    assertThat(validator(true).isValid(text, null)).isTrue();
  }
}
