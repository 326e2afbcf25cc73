package org.infointerview.interviews.outreach;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The merge fields a template may hold ({@code {{contactName}}}) and their filling. A value goes in
 * as text, in one pass: a value that itself reads {@code {{school}}} stays those characters, never
 * a field; nothing in a template or a value is evaluated.
 */
public final class MergeFields {

  /** Each field and what it stands for, in the order an editor lists them. */
  public static final Map<String, String> FIELDS;

  static {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("contactName", "the person's name");
    fields.put("organization", "where the person works");
    fields.put("studentName", "the student's name");
    fields.put("school", "the school's name");
    fields.put("major", "what the student studies");
    fields.put("careerField", "the career field the student explores");
    fields.put("howIGotYourName", "how the student got the person's name, as a sentence's start");
    FIELDS = Map.copyOf(fields);
    ORDER = List.copyOf(fields.keySet());
  }

  private static final List<String> ORDER;

  /** What a field left without a value reads as, for the student to fill: their point of view. */
  private static final Map<String, String> BLANKS =
      Map.of(
          "contactName", "[their name]",
          "organization", "[where they work]",
          "studentName", "[your name]",
          "school", "[your school]",
          "major", "[your major]",
          "careerField", "[the field]",
          "howIGotYourName", "[How you got their name]");

  /** A field as written: two braces, a name, two braces; spaces inside allowed. */
  private static final Pattern FIELD = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

  private MergeFields() {}

  /** The fields in the order an editor lists them. */
  public static List<String> names() {
    return ORDER;
  }

  /** The fields a template names that do not exist, each once, in order. */
  public static List<String> unknown(String template) {
    List<String> unknown = new ArrayList<>();
    Matcher field = FIELD.matcher(template);
    while (field.find()) {
      String name = field.group(1);
      if (!FIELDS.containsKey(name) && !unknown.contains(name)) {
        unknown.add(name);
      }
    }
    return unknown;
  }

  /**
   * The template with each field replaced by its value; a field without a value becomes a blank in
   * brackets ({@code [your major]}) for the student to fill.
   */
  public static String fill(String template, Map<String, @Nullable String> values) {
    Matcher field = FIELD.matcher(template);
    StringBuilder text = new StringBuilder();
    while (field.find()) {
      String name = field.group(1);
      String value = values.get(name);
      String replacement;
      if (value != null && !value.isBlank()) {
        replacement = value.strip();
      } else if (BLANKS.containsKey(name)) {
        replacement = BLANKS.get(name);
      } else {
        replacement = field.group();
      }
      field.appendReplacement(text, Matcher.quoteReplacement(replacement));
    }
    field.appendTail(text);
    return text.toString();
  }
}
