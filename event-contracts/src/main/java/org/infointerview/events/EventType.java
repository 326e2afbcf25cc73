package org.infointerview.events;

import java.util.Arrays;
import java.util.Optional;
import org.infointerview.events.contacts.AlumniImportCompleted;
import org.infointerview.events.contacts.ContactConsentChanged;
import org.infointerview.events.contacts.ContactCreated;
import org.infointerview.events.contacts.ContactErased;
import org.infointerview.events.contacts.ContactMerged;
import org.infointerview.events.contacts.ContactUpdated;
import org.infointerview.events.contacts.PersonErased;
import org.infointerview.events.contacts.UserProfileProvisioned;
import org.infointerview.events.interviews.InterviewCancelled;
import org.infointerview.events.interviews.InterviewCompleted;
import org.infointerview.events.interviews.InterviewDueDatesChanged;
import org.infointerview.events.interviews.InterviewPlanned;
import org.infointerview.events.interviews.InterviewRescheduled;
import org.infointerview.events.interviews.InterviewScheduled;
import org.infointerview.events.interviews.OutreachLogged;
import org.infointerview.events.interviews.OutreachRequested;
import org.infointerview.events.interviews.ReferralCaptured;
import org.infointerview.events.interviews.ReportBackSent;
import org.infointerview.events.interviews.RequestAnswered;
import org.infointerview.events.interviews.ThankYouSent;

/**
 * Every event type on the wire: its logical token, its topic, its payload record and the current
 * schema version. A golden JSON example of each lives at {@link #goldenExample()} on the class
 * path, and {@code docs/asyncapi.yaml} lists each as a message.
 */
public enum EventType {
  CONTACT_CREATED("ContactCreated", Topics.CONTACTS, "contacts", ContactCreated.class, 1),
  CONTACT_UPDATED("ContactUpdated", Topics.CONTACTS, "contacts", ContactUpdated.class, 1),
  CONTACT_MERGED("ContactMerged", Topics.CONTACTS, "contacts", ContactMerged.class, 1),
  CONTACT_CONSENT_CHANGED(
      "ContactConsentChanged", Topics.CONTACTS, "contacts", ContactConsentChanged.class, 1),
  CONTACT_ERASED("ContactErased", Topics.CONTACTS, "contacts", ContactErased.class, 1),
  ALUMNI_IMPORT_COMPLETED(
      "AlumniImportCompleted", Topics.CONTACTS, "contacts", AlumniImportCompleted.class, 1),
  USER_PROFILE_PROVISIONED(
      "UserProfileProvisioned", Topics.CONTACTS, "contacts", UserProfileProvisioned.class, 1),
  PERSON_ERASED("PersonErased", Topics.CONTACTS, "contacts", PersonErased.class, 1),
  INTERVIEW_PLANNED("InterviewPlanned", Topics.INTERVIEWS, "interviews", InterviewPlanned.class, 1),
  OUTREACH_REQUESTED(
      "OutreachRequested", Topics.INTERVIEWS, "interviews", OutreachRequested.class, 1),
  OUTREACH_LOGGED("OutreachLogged", Topics.INTERVIEWS, "interviews", OutreachLogged.class, 1),
  INTERVIEW_SCHEDULED(
      "InterviewScheduled", Topics.INTERVIEWS, "interviews", InterviewScheduled.class, 1),
  INTERVIEW_RESCHEDULED(
      "InterviewRescheduled", Topics.INTERVIEWS, "interviews", InterviewRescheduled.class, 1),
  INTERVIEW_CANCELLED(
      "InterviewCancelled", Topics.INTERVIEWS, "interviews", InterviewCancelled.class, 1),
  INTERVIEW_COMPLETED(
      "InterviewCompleted", Topics.INTERVIEWS, "interviews", InterviewCompleted.class, 1),
  THANK_YOU_SENT("ThankYouSent", Topics.INTERVIEWS, "interviews", ThankYouSent.class, 1),
  INTERVIEW_DUE_DATES_CHANGED(
      "InterviewDueDatesChanged",
      Topics.INTERVIEWS,
      "interviews",
      InterviewDueDatesChanged.class,
      1),
  REQUEST_ANSWERED("RequestAnswered", Topics.INTERVIEWS, "interviews", RequestAnswered.class, 1),
  REPORT_BACK_SENT("ReportBackSent", Topics.INTERVIEWS, "interviews", ReportBackSent.class, 1),
  REFERRAL_CAPTURED("ReferralCaptured", Topics.INTERVIEWS, "interviews", ReferralCaptured.class, 1);

  private final String token;
  private final String topic;
  private final String producer;
  private final Class<? extends IntegrationEvent> dataClass;
  private final int schemaVersion;

  EventType(
      String token,
      String topic,
      String producer,
      Class<? extends IntegrationEvent> dataClass,
      int schemaVersion) {
    this.token = token;
    this.topic = topic;
    this.producer = producer;
    this.dataClass = dataClass;
    this.schemaVersion = schemaVersion;
  }

  /** The logical type token carried in {@link EventEnvelope#type()}. */
  public String token() {
    return token;
  }

  public String topic() {
    return topic;
  }

  public Class<? extends IntegrationEvent> dataClass() {
    return dataClass;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  /** The class-path location of the golden JSON example of this event. */
  public String goldenExample() {
    return "contracts/" + producer + "/" + token + ".json";
  }

  /** The catalogued type for a token, empty for a type this version does not know. */
  public static Optional<EventType> ofToken(String token) {
    return Arrays.stream(values()).filter(t -> t.token.equals(token)).findFirst();
  }

  /** The catalogued type whose payload is the given record class. */
  public static EventType of(Class<?> dataClass) {
    return Arrays.stream(values())
        .filter(t -> t.dataClass.equals(dataClass))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an event payload: " + dataClass));
  }
}
