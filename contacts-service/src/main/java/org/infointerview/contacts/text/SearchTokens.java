package org.infointerview.contacts.text;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.infointerview.support.problem.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Text reduced to the tokens search compares: lower case, accents removed, split on anything but
 * letters and digits. Stored in an array with a multikey index, it serves free-text search on
 * MongoDB and on the embedded store alike, neither of which needs {@code $text}.
 */
public final class SearchTokens {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");

  private SearchTokens() {}

  /** The distinct tokens of some texts, in order of appearance. */
  public static List<String> of(@Nullable String... texts) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      for (String token : SEPARATORS.split(fold(text))) {
        if (!token.isEmpty()) {
          tokens.add(token);
        }
      }
    }
    return List.copyOf(tokens);
  }

  /** Lower case without accents: {@code "José Müller"} becomes {@code "jose muller"}. */
  public static String fold(String text) {
    return MARKS
        .matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
        .replaceAll("")
        .toLowerCase(Locale.ROOT);
  }

  /** The most words one search parameter may hold. */
  public static final int MAX_WORDS = 8;

  /**
   * The words of a search parameter, folded, each to match the start of a token.
   *
   * @throws InvalidFieldException naming the parameter when it has more than {@link #MAX_WORDS}
   */
  public static List<String> words(@Nullable String text, String parameter) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<String> words = of(text);
    if (words.size() > MAX_WORDS) {
      throw new InvalidFieldException(parameter, "must be at most " + MAX_WORDS + " words");
    }
    return words;
  }

  /** A store pattern matching tokens that start with this word (quoted: never an operator). */
  public static Pattern startOf(String word) {
    return Pattern.compile("^" + Pattern.quote(word));
  }

  /** A person's name as matching compares it: folded tokens joined by single spaces. */
  public static String nameKey(String givenName, String familyName) {
    return String.join(" ", of(givenName, familyName));
  }
}
