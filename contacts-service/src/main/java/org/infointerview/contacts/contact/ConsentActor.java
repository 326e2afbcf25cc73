package org.infointerview.contacts.contact;

/** Who changed a person's consent. */
public enum ConsentActor {
  /** The person themself, signed in as an alumnus. */
  SELF,
  ADMIN,
  IMPORT,
  ALUMNI_SYNC
}
