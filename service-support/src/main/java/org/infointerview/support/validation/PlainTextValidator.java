package org.infointerview.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;

/** Checks {@link PlainText}: every character printable, or a line break or tab where allowed. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

  private boolean lines;

  @Override
  public void initialize(PlainText annotation) {
    lines = annotation.lines();
  }

  @Override
  public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
    if (value == null) {
      return true;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (lines && (c == '\n' || c == '\r' || c == '\t')) {
        continue;
      }
      if (c == '\u200c' || c == '\u200d') {
        // joiners: Persian and Indic words, emoji sequences
        continue;
      }
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT) {
        return false;
      }
    }
    return true;
  }
}
