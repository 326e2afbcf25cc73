package org.infointerview.interviews.research;

/** What a research note is about. */
public enum ResearchKind {
  /** A career field, by its taxonomy code. */
  FIELD,
  /** An organization, by its name. */
  ORGANIZATION
}
