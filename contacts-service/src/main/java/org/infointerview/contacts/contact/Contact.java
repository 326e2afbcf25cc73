package org.infointerview.contacts.contact;

import java.time.Instant;
import java.util.List;
import org.infointerview.events.contacts.ContactCreated;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person a student may talk to. Stored with its pending events through the outbox. */
@Document("contacts")
public class Contact {

  @Id private final String id;
  @Indexed private final @Nullable String ownerId;
  private final ContactSource source;
  private final String givenName;
  private final String familyName;
  private final @Nullable String preferredName;
  private final List<String> emails;
  private final @Nullable String organizationName;
  private final @Nullable String jobTitle;
  private final List<String> careerFields;
  private final @Nullable String timeZone;
  private final Consent consent;
  private final Instant createdAt;
  @Version private final @Nullable Long version;

  @PersistenceCreator
  Contact(
      String id,
      @Nullable String ownerId,
      ContactSource source,
      String givenName,
      String familyName,
      @Nullable String preferredName,
      List<String> emails,
      @Nullable String organizationName,
      @Nullable String jobTitle,
      List<String> careerFields,
      @Nullable String timeZone,
      Consent consent,
      Instant createdAt,
      @Nullable Long version) {
    this.id = id;
    this.ownerId = ownerId;
    this.source = source;
    this.givenName = givenName;
    this.familyName = familyName;
    this.preferredName = preferredName;
    this.emails = List.copyOf(emails);
    this.organizationName = organizationName;
    this.jobTitle = jobTitle;
    this.careerFields = List.copyOf(careerFields);
    this.timeZone = timeZone;
    this.consent = consent;
    this.createdAt = createdAt;
    this.version = version;
  }

  /** A contact a student adds for themself; nobody else sees it. */
  static Contact personal(String id, String ownerId, ContactDetails details, Instant now) {
    return new Contact(
        id,
        ownerId,
        ContactSource.PERSONAL,
        details.givenName(),
        details.familyName(),
        details.preferredName(),
        details.emails(),
        details.organizationName(),
        details.jobTitle(),
        details.careerFields(),
        details.timeZone(),
        Consent.personal(),
        now,
        null);
  }

  /** The fact of this contact's creation, for other services. No email addresses or phones. */
  ContactCreated created() {
    return new ContactCreated(
        id,
        ownerId,
        source.name(),
        displayName(),
        organizationName,
        jobTitle,
        careerFields,
        timeZone,
        consent.toEvent(),
        version == null ? 0 : version);
  }

  /** The preferred name if given, otherwise the given name, with the family name. */
  String displayName() {
    String first = preferredName != null && !preferredName.isBlank() ? preferredName : givenName;
    return first + " " + familyName;
  }

  /** Whether the given user may see this contact. */
  boolean isVisibleTo(String userId) {
    return source.isOwned() ? userId.equals(ownerId) : consent.optedIn() && !consent.doNotContact();
  }

  public String id() {
    return id;
  }

  @Nullable String ownerId() {
    return ownerId;
  }

  ContactSource source() {
    return source;
  }

  String givenName() {
    return givenName;
  }

  String familyName() {
    return familyName;
  }

  @Nullable String preferredName() {
    return preferredName;
  }

  List<String> emails() {
    return emails;
  }

  @Nullable String organizationName() {
    return organizationName;
  }

  @Nullable String jobTitle() {
    return jobTitle;
  }

  List<String> careerFields() {
    return careerFields;
  }

  @Nullable String timeZone() {
    return timeZone;
  }

  Consent consent() {
    return consent;
  }

  Instant createdAt() {
    return createdAt;
  }

  @Nullable Long version() {
    return version;
  }
}
