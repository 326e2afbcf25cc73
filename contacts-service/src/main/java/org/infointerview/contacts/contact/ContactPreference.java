package org.infointerview.contacts.contact;

/** How students may reach a person who opted in. */
public enum ContactPreference {
  /** Students see the email address. */
  SHOW_EMAIL,
  /** Students send requests through the platform; the address is never shown. */
  VIA_PLATFORM
}
