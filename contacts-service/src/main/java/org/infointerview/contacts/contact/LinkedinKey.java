package org.infointerview.contacts.contact;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one form of a LinkedIn profile address that two spellings of it share, for matching: {@code
 * http://de.linkedin.com/in/J%C3%BCrgen-M/}, {@code https://www.linkedin.com/in/jürgen-m} and
 * {@code linkedin.com/in/JÜRGEN-M?trk=x} are all {@code linkedin.com/in/jürgen-m}. Scheme, country
 * or {@code www} host, query, fragment, trailing slashes, percent-encoding and case never tell two
 * people apart.
 */
public final class LinkedinKey {

  // compiled once: every imported row with a profile comes here more than once
  private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");
  private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

  private LinkedinKey() {}

  /** The key of an address, or null when it is no LinkedIn address with a path. */
  public static @Nullable String of(@Nullable String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String text = url.strip();
    if (!text.contains("://")) {
      text = "https://" + text;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!host.equals("linkedin.com") && !host.endsWith(".linkedin.com")) {
      return null;
    }
    String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
    path = TRAILING_SLASHES.matcher(REPEATED_SLASHES.matcher(path).replaceAll("/")).replaceAll("");
    if (path.isEmpty()) {
      return null;
    }
    return "linkedin.com" + path;
  }
}
