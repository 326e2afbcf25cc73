package org.infointerview.contacts.derivation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The mapping table, one document: its rules in order, who last changed it, and how its last
 * re-apply went.
 *
 * @param version one more at every change; derived values name the version that made them
 * @param lastApply the latest re-apply over the directory; null before the first
 */
@Document("career_field_rules")
record CareerFieldRules(
    @Id String id,
    List<CareerFieldRule> rules,
    long version,
    @Nullable String updatedBy,
    Instant updatedAt,
    @Nullable Apply lastApply) {

  static final String ID = "table";

  /**
   * A pass over the directory with the table.
   *
   * @param version the table's version it applied
   * @param seen institution contacts read so far
   * @param changed contacts whose career fields or industry it changed
   */
  record Apply(
      long version,
      String requestedBy,
      Instant startedAt,
      @Nullable Instant finishedAt,
      long seen,
      long changed,
      @Nullable String failure) {}
}
