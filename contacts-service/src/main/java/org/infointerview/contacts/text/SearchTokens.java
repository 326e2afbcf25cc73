package org.infointerview.contacts.text;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.infointerview.support.problem.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Text reduced to the tokens search compares: lower case, accents removed, split on anything but
 * letters and digits. Stored in an array with a multikey index, it serves free-text search on
 * MongoDB and on the embedded store alike, neither of which needs {@code $text}.
 */
public final class SearchTokens {

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private SearchTokens() {}

  /** The distinct tokens of some texts, in order of appearance. */
  public static List<String> of(@Nullable String... texts) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String text : texts) {
      if (text != null) {
        split(fold(text), tokens);
      }
    }
    return List.copyOf(tokens);
  }

  /**
   * The runs of letters and digits of a folded text (as {@code [^\p{L}\p{Nd}]+} splits it), read
   * once without a pattern: imports make tokens for every row they store.
   */
  private static void split(String folded, Set<String> tokens) {
    int start = -1;
    for (int i = 0; i < folded.length(); ) {
      int c = folded.codePointAt(i);
      boolean word =
          Character.isLetter(c) || Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        tokens.add(folded.substring(start, i));
        start = -1;
      }
      i += Character.charCount(c);
    }
    if (start >= 0) {
      tokens.add(folded.substring(start));
    }
  }

  /**
   * Lower case, folded to ASCII where a letter has an ASCII form (Lucene's {@code
   * ASCIIFoldingFilter}): {@code "José Müller"} becomes {@code "jose muller"}, {@code "Søren
   * Łukasiewicz"} {@code "soren lukasiewicz"}, {@code "Straße"} {@code "strasse"}. Other scripts
   * stay as they are, lower case.
   */
  public static String fold(String text) {
    if (ascii(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    char[] in = plain.toCharArray();
    char[] out = new char[in.length * 4];
    int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, length).toLowerCase(Locale.ROOT);
  }

  /** Whether every character is ASCII, which folding leaves as it is but for case. */
  private static boolean ascii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /** How German and Scandinavian names are also written without their letters: Müller, Mueller. */
  private static final Map<Character, String> TRANSLITERATION =
      Map.of(
          'ä', "ae", 'ö', "oe", 'ü', "ue", 'ø', "oe", 'å', "aa", 'Ä', "Ae", 'Ö', "Oe", 'Ü', "Ue",
          'Ø', "Oe", 'Å', "Aa");

  /**
   * The tokens of people's names: each name's folded tokens ({@link #of}), and as a person may type
   * them too: a name of several parts joined ({@code O'Brien} also as {@code obrien}, {@code van
   * der Berg} as {@code vanderberg}, {@code Smith-Jones} as {@code smithjones}) and German or
   * Scandinavian letters written out ({@code Müller} also as {@code mueller}, {@code Søren} as
   * {@code soeren}).
   */
  public static List<String> ofNames(@Nullable String... names) {
    Set<String> tokens = new LinkedHashSet<>();
    for (String name : names) {
      if (name == null || name.isBlank()) {
        continue;
      }
      String composed = ascii(name) ? name : Normalizer.normalize(name, Normalizer.Form.NFC);
      String spelled = ascii(name) ? composed : transliterated(composed);
      for (String form :
          spelled.equals(composed) ? List.of(composed) : List.of(composed, spelled)) {
        List<String> parts = of(form);
        tokens.addAll(parts);
        if (parts.size() > 1) {
          tokens.add(String.join("", parts));
        }
      }
    }
    return List.copyOf(tokens);
  }

  private static String transliterated(String name) {
    StringBuilder out = null;
    for (int i = 0; i < name.length(); i++) {
      String written = TRANSLITERATION.get(name.charAt(i));
      if (written != null && out == null) {
        out = new StringBuilder(name.length() + 4).append(name, 0, i);
      }
      if (out != null) {
        out.append(written != null ? written : String.valueOf(name.charAt(i)));
      }
    }
    return out == null ? name : out.toString();
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
