package org.infointerview.contacts.contact;

/** Where a contact came from; PERSONAL and REFERRAL contacts belong to one student. */
public enum ContactSource {
  PERSONAL,
  ALUMNI_IMPORT,
  ALUMNI_DIRECTORY,
  EMPLOYER_DIRECTORY,
  REFERRAL;

  /** Whether contacts from this source belong to a single student. */
  public boolean isOwned() {
    return this == PERSONAL || this == REFERRAL;
  }
}
