package org.infointerview.support.http;

import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.problem.PreconditionException;
import org.jspecify.annotations.Nullable;

/**
 * Versions as strong entity tags: a resource at version 3 has {@code ETag: "3"}, and a write sends
 * it back in {@code If-Match}.
 */
public final class EntityTags {

  private EntityTags() {}

  public static String of(long version) {
    return "\"" + version + "\"";
  }

  /**
   * The version an {@code If-Match} header names.
   *
   * @throws PreconditionException (428) when the header is absent
   * @throws InvalidFieldException (400) when it is not one of our tags
   */
  public static long required(@Nullable String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw PreconditionException.missing();
    }
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() < 3 || tag.length() > 21 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
      throw new InvalidFieldException("If-Match", "must be the ETag read, such as \"3\"");
    }
    try {
      return Long.parseLong(tag.substring(1, tag.length() - 1));
    } catch (NumberFormatException e) {
      throw new InvalidFieldException("If-Match", "must be the ETag read, such as \"3\"");
    }
  }
}
