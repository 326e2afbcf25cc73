package org.infointerview.contacts.derivation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of the mapping table: when every word of {@code words} is a word of the contact's major,
 * job title or employer (a word ending in {@code *} also matches words it starts: {@code engineer*}
 * matches engineering), the contact is filed under {@code careerFields} and, for an employer or a
 * title, {@code industry}.
 *
 * @param source what the words are looked for in
 * @param words one or more words, such as {@code computer science} or {@code nurs*}
 * @param careerFields career cluster codes of the taxonomy
 * @param industry an industry code of the taxonomy, or null
 */
public record CareerFieldRule(
    Source source, String words, List<String> careerFields, @Nullable String industry) {

  /** What a rule's words are looked for in. */
  public enum Source {
    MAJOR,
    JOB_TITLE,
    ORGANIZATION
  }

  public CareerFieldRule {
    careerFields = List.copyOf(careerFields);
  }
}
