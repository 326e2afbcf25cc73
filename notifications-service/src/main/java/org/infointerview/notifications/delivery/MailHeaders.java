package org.infointerview.notifications.delivery;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Values that go into mail headers (a subject, a display name): line breaks and other control
 * characters become spaces, so a name such as {@code "Ada\r\nBcc: x@evil"} reads as one line and
 * adds no header of its own. Jakarta Mail folds a line break in a Subject into a continuation line
 * and quotes display names, but writes a value set with {@code setHeader} as given; every value set
 * here is made one line first, whatever the library does with it.
 */
final class MailHeaders {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]+");

  private MailHeaders() {}

  static String oneLine(String value) {
    return CONTROL.matcher(value).replaceAll(" ").strip();
  }

  static @Nullable String oneLineOrNull(@Nullable String value) {
    return value == null ? null : oneLine(value);
  }
}
