package org.infointerview.contacts.contact;

/** Who changed a person's consent. */
public enum ConsentActor {
  /** The person themself, signed in as an alumnus. */
  SELF,
  ADMIN,
  IMPORT,
  ALUMNI_SYNC,
  /** The person, by the unsubscribe link in a mail sent through the platform (no account). */
  MAIL_LINK
}
