package org.infointerview.contacts.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.infointerview.contacts.text.SearchTokens;

/**
 * An organization's name as duplicates are found by: folded tokens ({@link SearchTokens}), "&" read
 * as "and", a leading "the" and trailing legal forms dropped. "The Boeing Company" and "Boeing" are
 * both {@code boeing}; "Johnson & Johnson, Inc." is {@code johnson and johnson}.
 */
final class OrganizationNames {

  private static final Set<String> LEGAL_FORMS =
      Set.of(
          "inc",
          "incorporated",
          "llc",
          "ltd",
          "limited",
          "corp",
          "corporation",
          "co",
          "company",
          "plc",
          "gmbh",
          "ag",
          "sa",
          "sas",
          "srl",
          "spa",
          "bv",
          "nv",
          "pty",
          "lp",
          "llp",
          "pllc",
          "pc",
          "oy",
          "ab",
          "as",
          "kk");

  private OrganizationNames() {}

  static String key(String name) {
    List<String> tokens = new ArrayList<>(SearchTokens.of(name.replace("&", " and ")));
    if (tokens.size() > 1 && tokens.get(0).equals("the")) {
      tokens.remove(0);
    }
    while (tokens.size() > 1 && LEGAL_FORMS.contains(tokens.get(tokens.size() - 1))) {
      tokens.remove(tokens.size() - 1);
    }
    return String.join(" ", tokens);
  }
}
