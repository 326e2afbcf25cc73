package org.infointerview.contacts.derivation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.infointerview.contacts.contact.AlumniFacts;
import org.infointerview.contacts.contact.ContactDetails;
import org.infointerview.contacts.contact.Provenance;
import org.infointerview.contacts.derivation.CareerFieldRule.Source;
import org.infointerview.contacts.text.SearchTokens;
import org.jspecify.annotations.Nullable;

/**
 * A version of the mapping table, compiled for matching many contacts: each rule's words folded as
 * search folds them, so {@code Nursing}, {@code NURSING} and {@code nursing} are one.
 */
public final class CareerFieldTable {

  /** The most career fields one contact is given by the table. */
  static final int MAX_DERIVED = 3;

  private final long version;
  private final Map<Source, List<Compiled>> rules = new EnumMap<>(Source.class);

  CareerFieldTable(long version, List<CareerFieldRule> rules) {
    this.version = version;
    for (Source source : Source.values()) {
      this.rules.put(source, new ArrayList<>());
    }
    for (CareerFieldRule rule : rules) {
      this.rules.get(rule.source()).add(Compiled.of(rule));
    }
  }

  public long version() {
    return version;
  }

  /**
   * The details with career fields (if {@code careerFields}) and industry (if {@code industry}) as
   * the table derives them from the title, the major and the employer: career fields from the title
   * first, then the major, then the employer (at most {@value #MAX_DERIVED}); the industry from the
   * employer first, then the title, then the major. Nothing matching is empty.
   */
  public ContactDetails derive(ContactDetails details, boolean careerFields, boolean industry) {
    if (!careerFields && !industry) {
      return details;
    }
    AlumniFacts alumni = details.alumni();
    Map<Source, Set<String>> words = new EnumMap<>(Source.class);
    words.put(Source.JOB_TITLE, tokens(details.jobTitle()));
    words.put(Source.MAJOR, tokens(alumni == null ? null : alumni.major()));
    words.put(Source.ORGANIZATION, tokens(details.organizationName()));
    ContactDetails derived = details;
    if (careerFields) {
      Set<String> fields = new LinkedHashSet<>();
      for (Source source : List.of(Source.JOB_TITLE, Source.MAJOR, Source.ORGANIZATION)) {
        for (Compiled rule : rules.get(source)) {
          if (rule.matches(words.get(source))) {
            fields.addAll(rule.rule().careerFields());
          }
        }
      }
      derived = derived.withCareerFields(fields.stream().limit(MAX_DERIVED).toList());
    }
    if (industry) {
      derived = derived.withIndustry(industry(words));
    }
    return derived;
  }

  private @Nullable String industry(Map<Source, Set<String>> words) {
    for (Source source : List.of(Source.ORGANIZATION, Source.JOB_TITLE, Source.MAJOR)) {
      for (Compiled rule : rules.get(source)) {
        if (rule.rule().industry() != null && rule.matches(words.get(source))) {
          return rule.rule().industry();
        }
      }
    }
    return null;
  }

  /** Where values this table derived came from, for the contact's provenance. */
  public Provenance provenance(@Nullable Long row, Instant at) {
    return new Provenance(Provenance.DERIVED, "career-field-rules v" + version, row, at, List.of());
  }

  private static Set<String> tokens(@Nullable String text) {
    return text == null ? Set.of() : new HashSet<>(SearchTokens.of(text));
  }

  /** A rule's words as folded tokens, each whole or, marked with *, as the start of a word. */
  private record Compiled(CareerFieldRule rule, List<String> whole, List<String> starts) {

    static Compiled of(CareerFieldRule rule) {
      List<String> whole = new ArrayList<>();
      List<String> starts = new ArrayList<>();
      for (String word : rule.words().strip().split("\\s+")) {
        boolean start = word.endsWith("*");
        List<String> parts = SearchTokens.of(start ? word.substring(0, word.length() - 1) : word);
        for (int i = 0; i < parts.size(); i++) {
          (start && i == parts.size() - 1 ? starts : whole).add(parts.get(i));
        }
      }
      return new Compiled(rule, List.copyOf(whole), List.copyOf(starts));
    }

    boolean matches(Set<String> tokens) {
      if (tokens.isEmpty() || whole.isEmpty() && starts.isEmpty()) {
        return false;
      }
      // Plain loops: every row of an import asks every rule, and a stream per rule was a tenth of
      // contacts-service's garbage while importing.
      for (int i = 0; i < whole.size(); i++) {
        if (!tokens.contains(whole.get(i))) {
          return false;
        }
      }
      for (int i = 0; i < starts.size(); i++) {
        if (!anyStartsWith(tokens, starts.get(i))) {
          return false;
        }
      }
      return true;
    }

    private static boolean anyStartsWith(Set<String> tokens, String start) {
      for (String token : tokens) {
        if (token.startsWith(start)) {
          return true;
        }
      }
      return false;
    }
  }
}
