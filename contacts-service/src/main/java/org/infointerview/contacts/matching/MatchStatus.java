package org.infointerview.contacts.matching;

/** What staff decided about a probable match. */
public enum MatchStatus {
  OPEN,
  MERGED,
  /** The same person, but both records stay (for instance, two roles to keep apart). */
  KEPT_BOTH,
  /** Not the same person; never proposed again. */
  DISTINCT,
  /** One of the two records is gone (an import that made it was undone): nothing to decide. */
  CLOSED
}
