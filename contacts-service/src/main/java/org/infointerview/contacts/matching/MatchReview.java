package org.infointerview.contacts.matching;

import java.time.Instant;
import java.util.List;
import org.infointerview.contacts.contact.Contact;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Two records that are probably the same person, waiting for a decision; keyed by the pair, so a
 * pair once decided is never proposed again.
 *
 * @param score the similarity of the two names, 0 to 1 (Jaro-Winkler)
 * @param reasons SAME_GRADUATION_YEAR and/or SAME_ORGANIZATION; for two records under different
 *     alumni ids TWO_ALUMNI_IDS, SAME_GRADUATION_YEAR and the strong signals that agree
 *     (SAME_EMAIL, SAME_PHONE, SAME_EMPLOYER_AND_TITLE, SAME_LINKEDIN)
 * @param explanation the reasons in plain words, with the values that agree; null for a review
 *     found before it was kept
 * @param ownerId the student whose own two contacts these are (decided by them, at {@code
 *     /me/matches}); null for the directory's, which admins decide
 * @param survivorBefore the survivor as it was before the merge, for undoing it
 */
@Document("match_reviews")
record MatchReview(
    @Id String id,
    String firstId,
    String secondId,
    double score,
    List<String> reasons,
    MatchStatus status,
    Instant foundAt,
    @Nullable String decidedBy,
    @Nullable Instant decidedAt,
    @Nullable String survivorId,
    @Nullable String mergedId,
    @Nullable Contact survivorBefore,
    @Nullable List<String> explanation,
    @Nullable String ownerId) {

  static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "~" + b : b + "~" + a;
  }
}
