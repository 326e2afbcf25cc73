package org.infointerview.contacts.contact;

/** Whether a contact is live, or only a tombstone that keeps its pending events. */
public enum ContactStatus {
  ACTIVE,
  /** Erased on request: personal data gone, the id kept so ContactErased can be published. */
  ERASED,
  /** Merged into another contact, whose id {@code mergedInto} names. */
  MERGED
}
