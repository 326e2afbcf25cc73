package org.infointerview.contacts.organization;

import java.time.Instant;
import java.util.List;
import org.infointerview.contacts.text.SearchTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An employer or other organization people work at. Two organizations with the same normalized name
 * ({@link OrganizationNames}) are the same one unless both have a domain and the domains differ;
 * {@code dedupeKey} (name key and domain) is unique, so that a race cannot store the same one
 * twice.
 *
 * @param searchTokens the folded words of the name and the domain, for search
 * @param keysVersion how the derived keys were made ({@link #KEYS_VERSION} today; older ones are
 *     made anew at start by {@link OrganizationKeysBackfill})
 */
@Document("organizations")
record Organization(
    @Id String id,
    OrganizationDetails details,
    @Indexed String nameKey,
    List<String> searchTokens,
    @Indexed(unique = true) String dedupeKey,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    @Version @Nullable Long version,
    @Nullable Integer keysVersion) {

  /** The version of how nameKey, searchTokens and dedupeKey are made from the details. */
  static final int KEYS_VERSION = 2;

  static Organization of(
      String id,
      OrganizationDetails details,
      String createdBy,
      Instant createdAt,
      Instant now,
      @Nullable Long version) {
    String nameKey = OrganizationNames.key(details.name());
    return new Organization(
        id,
        details,
        nameKey,
        SearchTokens.of(details.name(), details.domain()),
        dedupeKey(nameKey, details.domain()),
        createdBy,
        createdAt,
        now,
        version,
        KEYS_VERSION);
  }

  static String dedupeKey(String nameKey, @Nullable String domain) {
    return nameKey + "|" + (domain == null ? "" : domain);
  }

  /** Whether another organization's name and domain make it this one. */
  boolean sameAs(String otherNameKey, @Nullable String otherDomain) {
    return nameKey.equals(otherNameKey)
        && (details.domain() == null
            || otherDomain == null
            || details.domain().equals(otherDomain));
  }
}
