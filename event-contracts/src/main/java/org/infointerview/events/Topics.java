package org.infointerview.events;

/**
 * The Kafka topics of InfoInterview. Each topic has a dead-letter twin named {@code <topic>-dlt}.
 */
public final class Topics {

  /**
   * Facts about contacts, profiles and imports, each keyed by its aggregate's id: the contact id
   * (ContactCreated, ContactUpdated, ContactMerged, ContactConsentChanged, ContactErased), the user
   * id (UserProfileProvisioned), the import id (AlumniImportCompleted). Producer: contacts-service.
   */
  public static final String CONTACTS = "contacts.events";

  /** Facts about interviews, keyed by interview id. Producer: interviews-service. */
  public static final String INTERVIEWS = "interviews.events";

  /** Facts about notifications, keyed by notification id. Producer: notifications-service. */
  public static final String NOTIFICATIONS = "notifications.events";

  /** The suffix of every dead-letter topic. */
  public static final String DEAD_LETTER_SUFFIX = "-dlt";

  public static final String CONTACTS_DLT = CONTACTS + DEAD_LETTER_SUFFIX;
  public static final String INTERVIEWS_DLT = INTERVIEWS + DEAD_LETTER_SUFFIX;
  public static final String NOTIFICATIONS_DLT = NOTIFICATIONS + DEAD_LETTER_SUFFIX;

  private Topics() {}

  /** The dead-letter twin of a topic. */
  public static String deadLetter(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }
}
