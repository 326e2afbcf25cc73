package org.infointerview.contacts.contact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.infointerview.contacts.text.SearchTokens;
import org.infointerview.events.IntegrationEvent;
import org.infointerview.events.contacts.ContactConsentChanged;
import org.infointerview.events.contacts.ContactCreated;
import org.infointerview.events.contacts.ContactErased;
import org.infointerview.events.contacts.ContactMerged;
import org.infointerview.events.contacts.ContactUpdated;
import org.infointerview.events.contacts.ContactVisibility;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person a student may talk to: a student's own contact or referral, or an institution-wide
 * alumni or directory person whose consent decides whether students find them. Immutable: every
 * transition returns the new state with the facts it causes ({@link Changed}), which the outbox's
 * aggregate store writes together; only this class makes contacts' events.
 */
@Document("contacts")
@CompoundIndex(name = "owner_created", def = "{'ownerId': 1, 'createdAt': -1}")
@CompoundIndex(name = "match_name_year", def = "{'nameKey': 1, 'details.alumni.graduationYear': 1}")
public class Contact {

  /**
   * The version of how the derived keys (search tokens, match keys) are made: a contact stored with
   * an older one gets them anew at start ({@link DerivedKeysBackfill}).
   */
  static final int KEYS_VERSION = 2;

  @Id private final String id;
  private final @Nullable String ownerId;
  private final ContactSource source;
  private final ContactStatus status;
  private final @Nullable String mergedInto;
  private final ContactDetails details;
  private final Consent consent;
  private final List<ConsentChange> consentHistory;
  private final List<Provenance> provenance;
  @Indexed private final @Nullable String linkedUserId;
  private final @Nullable String referredBy;

  @Indexed(sparse = true)
  private final @Nullable ImportMark importMark;

  @Indexed private final List<String> searchTokens;
  @Indexed private final List<String> titleTokens;
  @Indexed private final List<String> emailKeys;

  /** The LinkedIn address as matching compares it ({@link LinkedinKey}). */
  @Indexed(sparse = true)
  private final @Nullable String linkedinKey;

  private final String nameKey;
  private final @Nullable String familyKey;
  private final @Nullable String organizationKey;
  private final int keysVersion = KEYS_VERSION;

  /** The alumni database's id of a live institution contact: one live record per alumnus. */
  @Indexed(unique = true, sparse = true)
  private final @Nullable String externalAlumniId;

  private final Instant createdAt;
  private final Instant updatedAt;
  @Version private final @Nullable Long version;

  /** A contact whose search keys come from {@code sameDetails} when its details are the same. */
  Contact(
      String id,
      @Nullable String ownerId,
      ContactSource source,
      ContactStatus status,
      @Nullable String mergedInto,
      ContactDetails details,
      Consent consent,
      List<ConsentChange> consentHistory,
      List<Provenance> provenance,
      @Nullable String linkedUserId,
      @Nullable String referredBy,
      @Nullable ImportMark importMark,
      Instant createdAt,
      Instant updatedAt,
      @Nullable Long version,
      @Nullable Contact sameDetails) {
    this.id = id;
    this.ownerId = ownerId;
    this.source = source;
    this.status = status;
    this.mergedInto = mergedInto;
    this.details = details;
    this.consent = consent;
    this.consentHistory = List.copyOf(consentHistory);
    this.provenance = List.copyOf(provenance);
    this.linkedUserId = linkedUserId;
    this.referredBy = referredBy;
    this.importMark = importMark;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.version = version;
    if (sameDetails != null && sameKeys(sameDetails.details, details)) {
      this.searchTokens = sameDetails.searchTokens;
      this.titleTokens = sameDetails.titleTokens;
      this.emailKeys = sameDetails.emailKeys;
      this.linkedinKey = sameDetails.linkedinKey;
      this.nameKey = sameDetails.nameKey;
      this.familyKey = sameDetails.familyKey;
      this.organizationKey = sameDetails.organizationKey;
    } else {
      Set<String> tokens =
          new LinkedHashSet<>(
              SearchTokens.ofNames(
                  details.givenName(), details.familyName(), details.preferredName()));
      tokens.addAll(SearchTokens.of(details.organizationName(), details.jobTitle()));
      this.searchTokens = List.copyOf(tokens);
      this.titleTokens = SearchTokens.of(details.jobTitle());
      this.emailKeys = details.emails().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
      this.linkedinKey = LinkedinKey.of(details.linkedinUrl());
      this.nameKey = SearchTokens.nameKey(details.givenName(), details.familyName());
      this.familyKey =
          details.familyName().isBlank()
              ? null
              : String.join(" ", SearchTokens.of(details.familyName()));
      this.organizationKey =
          details.organizationName() == null ? null : SearchTokens.fold(details.organizationName());
    }
    this.externalAlumniId =
        status == ContactStatus.ACTIVE && ownerId == null ? details.externalAlumniId() : null;
  }

  /**
   * Whether two versions of the details make the same derived keys: the same names, organization,
   * title, addresses and LinkedIn profile (a change of career fields or notes keeps them).
   */
  private static boolean sameKeys(ContactDetails a, ContactDetails b) {
    return a == b
        || a.givenName().equals(b.givenName())
            && a.familyName().equals(b.familyName())
            && Objects.equals(a.preferredName(), b.preferredName())
            && Objects.equals(a.organizationName(), b.organizationName())
            && Objects.equals(a.jobTitle(), b.jobTitle())
            && a.emails().equals(b.emails())
            && Objects.equals(a.linkedinUrl(), b.linkedinUrl());
  }

  /** Reads a stored contact; the derived keys are computed again from the details. */
  @PersistenceCreator
  @SuppressWarnings("unused")
  static Contact read(
      String id,
      @Nullable String ownerId,
      ContactSource source,
      ContactStatus status,
      @Nullable String mergedInto,
      ContactDetails details,
      Consent consent,
      List<ConsentChange> consentHistory,
      List<Provenance> provenance,
      @Nullable String linkedUserId,
      @Nullable String referredBy,
      @Nullable ImportMark importMark,
      @Nullable List<String> searchTokens,
      @Nullable List<String> titleTokens,
      @Nullable List<String> emailKeys,
      @Nullable String linkedinKey,
      @Nullable String nameKey,
      @Nullable String familyKey,
      @Nullable String organizationKey,
      @Nullable Integer keysVersion,
      @Nullable String externalAlumniId,
      Instant createdAt,
      Instant updatedAt,
      @Nullable Long version) {
    return new Contact(
        id,
        ownerId,
        source,
        status,
        mergedInto,
        details,
        consent,
        consentHistory == null ? List.of() : consentHistory,
        provenance == null ? List.of() : provenance,
        linkedUserId,
        referredBy,
        importMark,
        createdAt,
        updatedAt,
        version,
        null);
  }

  /** A contact a student adds for themself; nobody else sees it. */
  static Changed<Contact> personal(String id, String ownerId, ContactDetails details, Instant now) {
    return owned(
        id,
        ownerId,
        ContactSource.PERSONAL,
        details,
        new Provenance("STUDENT", ownerId, null, now, details.fieldsSet()),
        null);
  }

  /**
   * A contact a student brought in with their own file (LinkedIn connections, an address book): the
   * student's alone, like one they added by hand; the provenance names the import and its row.
   */
  public static Changed<Contact> importedPersonal(
      String id, String ownerId, ContactDetails details, Provenance origin) {
    return owned(id, ownerId, ContactSource.PERSONAL, details, origin, null);
  }

  /** Someone a student was referred to during an interview; the student's alone. */
  public static Changed<Contact> referral(
      String id, String studentId, ContactDetails details, String referredBy, Provenance origin) {
    return owned(id, studentId, ContactSource.REFERRAL, details, origin, referredBy);
  }

  private static Changed<Contact> owned(
      String id,
      String ownerId,
      ContactSource source,
      ContactDetails details,
      Provenance origin,
      @Nullable String referredBy) {
    return new Contact(
            id,
            ownerId,
            source,
            ContactStatus.ACTIVE,
            null,
            details,
            Consent.personal(),
            List.of(),
            List.of(origin),
            null,
            referredBy,
            null,
            origin.at(),
            origin.at(),
            null,
            null)
        .creation();
  }

  /**
   * This contact, noted as referred by another; nothing changes if it already was. Other services
   * do not learn of it: who referred whom stays with the student.
   */
  public Changed<Contact> referredBy(String contactId, Instant now) {
    if (referredBy != null) {
      return Changed.nothing(this);
    }
    return Changed.to(change().referredBy(contactId).updatedAt(now).build());
  }

  public @Nullable String referredBy() {
    return referredBy;
  }

  /** An institution-wide person from an import or a directory, with what they consented to. */
  public static Changed<Contact> institutional(
      String id,
      ContactSource source,
      ContactDetails details,
      Consent consent,
      Provenance origin,
      Instant now) {
    if (source.isOwned()) {
      throw new IllegalArgumentException(source + " contacts belong to a student");
    }
    ConsentActor actor = ConsentActor.valueOf(origin.origin());
    return new Contact(
            id,
            null,
            source,
            ContactStatus.ACTIVE,
            null,
            details,
            consent,
            List.of(new ConsentChange(consent, actor, origin.reference(), now)),
            List.of(origin),
            null,
            null,
            null,
            now,
            now,
            null,
            null)
        .creation();
  }

  /**
   * This contact with revised details, told as ContactUpdated; the provenance names the fields that
   * actually changed. Nothing changes when no field did.
   */
  public Changed<Contact> revised(ContactDetails revised, Provenance origin) {
    List<String> changed = details.fieldsChangedTo(revised);
    if (changed.isEmpty()) {
      return Changed.nothing(this);
    }
    List<Provenance> history = new ArrayList<>(provenance);
    history.add(
        new Provenance(origin.origin(), origin.reference(), origin.row(), origin.at(), changed));
    return change().details(revised).provenance(history).updatedAt(origin.at()).build().update();
  }

  /**
   * This contact with a new consent, recorded in its history and told as ContactConsentChanged;
   * nothing changes when the choices are the same.
   */
  public Changed<Contact> withConsent(
      Consent requested, ConsentActor actor, @Nullable String actorId, Instant now) {
    if (requested.sameChoicesAs(consent)) {
      return Changed.nothing(this);
    }
    Consent changed = requested.changedBy(actor, now, consent);
    List<ConsentChange> history = new ArrayList<>(consentHistory);
    history.add(new ConsentChange(changed, actor, actorId, now));
    Contact next = change().consent(changed).consentHistory(history).updatedAt(now).build();
    return Changed.to(next, next.consentChanged());
  }

  /**
   * This institution contact tied to the alumnus who signed in as this person; the read models
   * learn it (ContactUpdated), since that person sees the record as their own.
   */
  Changed<Contact> linkedTo(String userId, Instant now) {
    return change().linkedUserId(userId).updatedAt(now).build().update();
  }

  /**
   * A tombstone: every personal detail gone, the id kept until ContactErased is published. What was
   * erased is not recoverable, not even from the events that waited to be sent.
   */
  public Changed<Contact> erased(Instant now) {
    ContactDetails nothing = ContactDetailsBuilder.builder().givenName("").familyName("").build();
    Contact tombstone =
        change()
            .status(ContactStatus.ERASED)
            .mergedInto(null)
            .details(nothing)
            .consent(Consent.notAsked())
            .consentHistory(List.of())
            .provenance(List.of())
            .linkedUserId(null)
            .referredBy(null)
            .importMark(null)
            .updatedAt(now)
            .build();
    // The events not sent yet (its creation's among them) name the person: dropped with the rest.
    return Changed.erasing(tombstone, new ContactErased(id));
  }

  /** This state, marked as written by an import, so that the import can be undone. */
  public Contact markedBy(ImportMark mark) {
    return change().importMark(mark).build();
  }

  /** The details and consent an import replaced, put back and told; the mark is gone. */
  public Changed<Contact> restoredBefore(ImportMark mark, Instant now) {
    ContactDetails before = mark.before() == null ? details : mark.before();
    List<Provenance> history = new ArrayList<>(provenance);
    List<String> changed = details.fieldsChangedTo(before);
    if (!changed.isEmpty()) {
      history.add(new Provenance("IMPORT_UNDO", mark.importId(), null, now, changed));
    }
    Consent consentBefore = mark.consentBefore() == null ? consent : mark.consentBefore();
    List<ConsentChange> consents = new ArrayList<>(consentHistory);
    if (!consentBefore.sameChoicesAs(consent)) {
      consents.add(new ConsentChange(consentBefore, ConsentActor.IMPORT, mark.importId(), now));
    }
    return change()
        .details(before)
        .consent(consentBefore)
        .consentHistory(consents)
        .provenance(history)
        .importMark(null)
        .updatedAt(now)
        .build()
        .update();
  }

  /**
   * This contact with another record of the same person folded in: addresses, phones, tags and
   * career fields are united, fields this one lacks are taken from the other, do-not-contact from
   * either holds, and the other's provenance is kept with a MERGE entry.
   */
  public Changed<Contact> absorbing(Contact other, String actorId, Instant now) {
    ContactDetails a = details;
    ContactDetails b = other.details;
    AlumniFacts alumni = a.alumni();
    AlumniFacts theirs = b.alumni();
    if (alumni == null || alumni.isEmpty()) {
      alumni = theirs;
    } else if (theirs != null) {
      alumni =
          new AlumniFacts(
              or(alumni.externalId(), theirs.externalId()),
              alumni.graduationYear() != null ? alumni.graduationYear() : theirs.graduationYear(),
              or(alumni.degree(), theirs.degree()),
              or(alumni.major(), theirs.major()),
              or(alumni.college(), theirs.college()));
    }
    ContactDetails merged =
        ContactDetailsBuilder.builder(a)
            .preferredName(or(a.preferredName(), b.preferredName()))
            .pronouns(or(a.pronouns(), b.pronouns()))
            .emails(union(a.emails(), b.emails()))
            .phones(union(a.phones(), b.phones()))
            .linkedinUrl(or(a.linkedinUrl(), b.linkedinUrl()))
            .organizationName(or(a.organizationName(), b.organizationName()))
            .jobTitle(or(a.jobTitle(), b.jobTitle()))
            .industry(or(a.industry(), b.industry()))
            .careerFields(union(a.careerFields(), b.careerFields()))
            .city(or(a.city(), b.city()))
            .region(or(a.region(), b.region()))
            .country(or(a.country(), b.country()))
            .timeZone(or(a.timeZone(), b.timeZone()))
            .alumni(alumni)
            .tags(union(a.tags(), b.tags()))
            .notes(bothNotes(a.notes(), b.notes()))
            .build();
    List<Provenance> history = new ArrayList<>(provenance);
    history.addAll(other.provenance);
    history.add(new Provenance("MERGE", other.id, null, now, details.fieldsChangedTo(merged)));
    Consent mergedConsent = consent;
    List<ConsentChange> consents = new ArrayList<>(consentHistory);
    if (other.consent.doNotContact() && !consent.doNotContact()) {
      mergedConsent = consent.withDoNotContact(true);
      consents.add(new ConsentChange(mergedConsent, ConsentActor.ADMIN, actorId, now));
    }
    return change()
        .details(merged)
        .consent(mergedConsent)
        .consentHistory(consents)
        .provenance(history)
        .linkedUserId(linkedUserId != null ? linkedUserId : other.linkedUserId)
        .updatedAt(now)
        .build()
        .update();
  }

  /**
   * This record, folded into the survivor (in the state it has with this one absorbed, not yet
   * written): hidden, its state kept so the merge can be undone. ContactMerged, about the survivor,
   * waits with this record, so consumers repoint to the survivor whatever happens to it next.
   */
  public Changed<Contact> mergedInto(Contact survivor, Instant now) {
    return change()
        .status(ContactStatus.MERGED)
        .mergedInto(survivor.id)
        .linkedUserId(null)
        .updatedAt(now)
        .build()
        .then(new ContactMerged(survivor.id, id, survivor.nextVersion()));
  }

  /** A merged record, live again (its merge undone) and told as an update. */
  public Changed<Contact> unmerged(@Nullable String linkedUser, Instant now) {
    return change()
        .status(ContactStatus.ACTIVE)
        .mergedInto(null)
        .linkedUserId(linkedUser)
        .updatedAt(now)
        .build()
        .update();
  }

  /** This contact with the state an earlier snapshot of it had, at its current version. */
  public Changed<Contact> withStateOf(Contact snapshot, Instant now) {
    return change()
        .ownerId(snapshot.ownerId)
        .source(snapshot.source)
        .status(snapshot.status)
        .mergedInto(snapshot.mergedInto)
        .details(snapshot.details)
        .consent(snapshot.consent)
        .consentHistory(snapshot.consentHistory)
        .provenance(snapshot.provenance)
        .linkedUserId(snapshot.linkedUserId)
        .referredBy(snapshot.referredBy)
        .importMark(snapshot.importMark)
        .updatedAt(now)
        .build()
        .update();
  }

  public ContactStatus status() {
    return status;
  }

  public @Nullable String mergedIntoId() {
    return mergedInto;
  }

  private static @Nullable String or(@Nullable String mine, @Nullable String theirs) {
    return mine != null ? mine : theirs;
  }

  /** Notes of two records of one person, both kept (the survivor's first). */
  private static @Nullable String bothNotes(@Nullable String mine, @Nullable String theirs) {
    if (mine == null || theirs == null || mine.equals(theirs)) {
      return mine != null ? mine : theirs;
    }
    return mine + "\n\n" + theirs;
  }

  private static List<String> union(List<String> mine, List<String> theirs) {
    LinkedHashMap<String, String> all = new LinkedHashMap<>();
    for (String value : mine) {
      all.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
    }
    for (String value : theirs) {
      all.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
    }
    return List.copyOf(all.values());
  }

  /** Whether the person set their consent themself after anyone else last did. */
  public boolean consentLastSetBySelf() {
    return !consentHistory.isEmpty()
        && consentHistory.get(consentHistory.size() - 1).actor() == ConsentActor.SELF;
  }

  /** The folded family name, the key duplicates are looked for under. */
  public @Nullable String familyKey() {
    return familyKey;
  }

  public @Nullable ImportMark importMark() {
    return importMark;
  }

  private Builder change() {
    return new Builder(this);
  }

  /**
   * A copy of this contact's state with some fields replaced; derived keys are computed anew when
   * the details changed.
   */
  private static final class Builder {
    private final Contact from;
    private String id;
    private @Nullable String ownerId;
    private ContactSource source;
    private ContactStatus status;
    private @Nullable String mergedInto;
    private ContactDetails details;
    private Consent consent;
    private List<ConsentChange> consentHistory;
    private List<Provenance> provenance;
    private @Nullable String linkedUserId;
    private @Nullable String referredBy;
    private @Nullable ImportMark importMark;
    private Instant createdAt;
    private Instant updatedAt;
    private @Nullable Long version;

    Builder(Contact contact) {
      this.from = contact;
      this.id = contact.id;
      this.ownerId = contact.ownerId;
      this.source = contact.source;
      this.status = contact.status;
      this.mergedInto = contact.mergedInto;
      this.details = contact.details;
      this.consent = contact.consent;
      this.consentHistory = contact.consentHistory;
      this.provenance = contact.provenance;
      this.linkedUserId = contact.linkedUserId;
      this.referredBy = contact.referredBy;
      this.importMark = contact.importMark;
      this.createdAt = contact.createdAt;
      this.updatedAt = contact.updatedAt;
      this.version = contact.version;
    }

    Builder ownerId(@Nullable String value) {
      this.ownerId = value;
      return this;
    }

    Builder source(ContactSource value) {
      this.source = value;
      return this;
    }

    Builder status(ContactStatus value) {
      this.status = value;
      return this;
    }

    Builder mergedInto(@Nullable String value) {
      this.mergedInto = value;
      return this;
    }

    Builder details(ContactDetails value) {
      this.details = value;
      return this;
    }

    Builder consent(Consent value) {
      this.consent = value;
      return this;
    }

    Builder consentHistory(List<ConsentChange> value) {
      this.consentHistory = value;
      return this;
    }

    Builder provenance(List<Provenance> value) {
      this.provenance = value;
      return this;
    }

    Builder linkedUserId(@Nullable String value) {
      this.linkedUserId = value;
      return this;
    }

    Builder referredBy(@Nullable String value) {
      this.referredBy = value;
      return this;
    }

    Builder importMark(@Nullable ImportMark value) {
      this.importMark = value;
      return this;
    }

    Builder updatedAt(Instant value) {
      this.updatedAt = value;
      return this;
    }

    Contact build() {
      return new Contact(
          id,
          ownerId,
          source,
          status,
          mergedInto,
          details,
          consent,
          consentHistory,
          provenance,
          linkedUserId,
          referredBy,
          importMark,
          createdAt,
          updatedAt,
          version,
          from);
    }
  }

  /** This new contact with the fact of its creation: for an import that built it row by row. */
  public Changed<Contact> creation() {
    return Changed.to(this, created());
  }

  /**
   * This state told against the one stored: ContactUpdated when the details or the link changed,
   * ContactConsentChanged when the consent did. For an import that changes a contact row by row and
   * writes it once. Both when the stored state is not known.
   */
  public Changed<Contact> changedSince(@Nullable Contact stored) {
    Changed<Contact> told = Changed.to(this);
    if (stored == null
        || !stored.details.equals(details)
        || !Objects.equals(stored.linkedUserId, linkedUserId)) {
      told = told.and(updated());
    }
    if (stored == null || !stored.consent.sameChoicesAs(consent)) {
      told = told.and(consentChanged());
    }
    return told;
  }

  private Changed<Contact> update() {
    return Changed.to(this, updated());
  }

  private Changed<Contact> then(IntegrationEvent fact) {
    return Changed.to(this, fact);
  }

  /** The fact of this contact's creation, for other services. No email addresses or phones. */
  private ContactCreated created() {
    return new ContactCreated(
        id,
        ownerId,
        source.name(),
        details.displayName(),
        details.organizationName(),
        details.jobTitle(),
        details.careerFields(),
        details.timeZone(),
        consent.toEvent(),
        nextVersion(),
        linkedUserId);
  }

  /** The fact of a change, for a contact about to be written with it (version + 1). */
  private ContactUpdated updated() {
    return new ContactUpdated(
        id,
        ownerId,
        source.name(),
        details.displayName(),
        details.organizationName(),
        details.jobTitle(),
        details.careerFields(),
        details.timeZone(),
        consent.toEvent(),
        nextVersion(),
        linkedUserId);
  }

  private ContactConsentChanged consentChanged() {
    ConsentChange last = consentHistory.get(consentHistory.size() - 1);
    return new ContactConsentChanged(
        id, consent.toEvent(), last.actor().name(), last.at(), nextVersion());
  }

  /** The version this state will have once written: 0 when new, one more than read otherwise. */
  private long nextVersion() {
    return version == null ? 0 : version + 1;
  }

  /** Whether the caller may see this contact at all. */
  boolean isVisibleTo(CurrentUser viewer) {
    return status == ContactStatus.ACTIVE
        && ContactVisibility.visible(
            source.isOwned() ? Objects.requireNonNullElse(ownerId, "") : null,
            linkedUserId,
            consent.optedIn(),
            consent.doNotContact(),
            viewer.id(),
            viewer.roleNames());
  }

  /** Whether the caller may change this contact's details. */
  boolean isEditableBy(CurrentUser editor) {
    if (status != ContactStatus.ACTIVE) {
      return false;
    }
    return source.isOwned() ? editor.id().equals(ownerId) : editor.has(Role.ADMIN);
  }

  /** Whether the caller may see email addresses and phone numbers. */
  boolean revealsDetailsTo(CurrentUser viewer) {
    return source.isOwned()
        || viewer.has(Role.ADMIN)
        || viewer.id().equals(linkedUserId)
        || consent.preference() == ContactPreference.SHOW_EMAIL;
  }

  public String id() {
    return id;
  }

  public @Nullable String ownerId() {
    return ownerId;
  }

  public List<String> searchTokens() {
    return searchTokens;
  }

  public List<String> titleTokens() {
    return titleTokens;
  }

  public String nameKey() {
    return nameKey;
  }

  public @Nullable String linkedinKey() {
    return linkedinKey;
  }

  public @Nullable String organizationKey() {
    return organizationKey;
  }

  public ContactSource source() {
    return source;
  }

  public ContactDetails details() {
    return details;
  }

  public Consent consent() {
    return consent;
  }

  List<String> emailKeys() {
    return emailKeys;
  }

  /** The alumni id stored for the unique index: only a live institution contact's. */
  @Nullable String uniqueAlumniId() {
    return externalAlumniId;
  }

  List<ConsentChange> consentHistory() {
    return consentHistory;
  }

  List<Provenance> provenance() {
    return provenance;
  }

  /**
   * Whether a field may be derived (career fields and industry from the mapping table): it is
   * empty, or derived the last time anything set it; never a value a person, an admin or a file
   * set.
   */
  public boolean derivable(String field) {
    return !details.fieldsSet().contains(field) || Provenance.DERIVED.equals(originOf(field));
  }

  /** The fields whose value was derived (the last to set them was the mapping table). */
  public List<String> derivedFields() {
    List<String> set = details.fieldsSet();
    return Stream.of("careerFields", "industry")
        .filter(f -> set.contains(f) && Provenance.DERIVED.equals(originOf(f)))
        .toList();
  }

  /** The origin of the newest provenance entry that set a field; null when none did. */
  private @Nullable String originOf(String field) {
    for (int i = provenance.size() - 1; i >= 0; i--) {
      if (provenance.get(i).fields().contains(field)) {
        return provenance.get(i).origin();
      }
    }
    return null;
  }

  public @Nullable String linkedUserId() {
    return linkedUserId;
  }

  Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public @Nullable Long version() {
    return version;
  }

  /** The version a reader gets as its ETag. */
  public long currentVersion() {
    return Objects.requireNonNullElse(version, 0L);
  }
}
