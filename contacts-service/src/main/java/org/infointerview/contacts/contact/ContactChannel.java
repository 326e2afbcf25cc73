package org.infointerview.contacts.contact;

/** How a volunteer prefers to be first approached. */
public enum ContactChannel {
  EMAIL,
  PHONE
}
