package org.infointerview.support.problem;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * What is wrong with a request body that could not be read, in words a client can act on: the field
 * (a path such as {@code emails[0].address}) and why, or where the text stops being JSON.
 */
final class BodyErrors {

  private BodyErrors() {}

  /** The field and reason when a value does not fit its field, or a field is unknown. */
  static Optional<FieldError> fieldError(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
        return Optional.of(new FieldError(field(mismatch), reason(mismatch)));
      }
    }
    return Optional.empty();
  }

  /** Where a body that is not JSON at all goes wrong, when the parser says. */
  static String notJson(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamReadException unreadable) {
        TokenStreamLocation at = unreadable.getLocation();
        String where =
            at != null && at.getLineNr() > 0
                ? " at line " + at.getLineNr() + ", column " + at.getColumnNr()
                : "";
        return "The request body is not valid JSON" + where + ".";
      }
    }
    return "The request body is not valid JSON of the expected shape.";
  }

  private static String field(JacksonException failure) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference step : failure.getPath()) {
      if (step.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(step.getPropertyName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String reason(MismatchedInputException failure) {
    if (failure instanceof PropertyBindingException unknown) {
      Collection<Object> known = unknown.getKnownPropertyIds();
      return known == null || known.isEmpty()
          ? "is not a field of this request"
          : "is not a field of this request; the fields are "
              + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
    return "must be " + expected(failure.getTargetType());
  }

  /** What a value of this type looks like, in plain words. */
  static String expected(@Nullable Class<?> type) {
    if (type == null) {
      return "a value of another kind";
    }
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(constant -> ((Enum<?>) constant).name())
              .collect(Collectors.joining(", "));
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "text";
    }
    if (type == int.class
        || type == Integer.class
        || type == long.class
        || type == Long.class
        || type == short.class
        || type == Short.class) {
      return "a whole number";
    }
    if (type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class
        || type == BigDecimal.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
      return "a date and time with its offset, as in 2026-03-01T15:30:00Z";
    }
    if (type == LocalDate.class) {
      return "a date, as in 2026-03-01";
    }
    if (type == LocalTime.class) {
      return "a time of day, as in 15:30";
    }
    if (ZoneId.class.isAssignableFrom(type)) {
      return "a time zone, as in America/Chicago";
    }
    if (type == URI.class || type == URL.class) {
      return "a URL";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "a value of another kind";
  }
}
