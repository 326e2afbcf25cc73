package org.infointerview.contacts.organization;

/** Head count bands (the OECD's, with the largest split once more). */
public enum OrganizationSize {
  /** 1 to 9 people. */
  MICRO,
  /** 10 to 49. */
  SMALL,
  /** 50 to 249. */
  MEDIUM,
  /** 250 to 999. */
  LARGE,
  /** 1,000 or more. */
  ENTERPRISE
}
