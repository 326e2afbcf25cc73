package org.infointerview.interviews.interview;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.infointerview.interviews.contact.Contacts;
import org.infointerview.interviews.student.StudentRecords;
import org.infointerview.messaging.outbox.AggregatesWritten;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * In a person's export, and gone with them: a student's interviews whole (preparation, notes,
 * referrals, outreach, the history of each step) with a CSV of them, and the requests made to the
 * person as an alumnus, as the answer page shows them (never the student's notes).
 */
@Component
class InterviewsPersonalData implements PersonalData, StudentRecords {

  static final List<String> COLUMNS =
      List.of(
          "id",
          "person",
          "organization",
          "jobTitle",
          "careerField",
          "purpose",
          "status",
          "createdAt",
          "meetingStart",
          "completedAt",
          "thankYouSentAt",
          "referrals",
          "endReason");

  private final MongoTemplate mongo;
  private final Contacts contacts;
  private final InterviewsProperties properties;
  private final Clock clock;
  private final ApplicationEventPublisher publisher;

  InterviewsPersonalData(
      MongoTemplate mongo,
      Contacts contacts,
      InterviewsProperties properties,
      Clock clock,
      ApplicationEventPublisher publisher) {
    this.mongo = mongo;
    this.contacts = contacts;
    this.properties = properties;
    this.clock = clock;
    this.publisher = publisher;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    Instant now = clock.instant();
    List<Interview> mine = StorePages.all(mongo, "studentId", person.id(), Interview.class, i -> i);
    archive.json("interviews.json", mine.stream().map(i -> InterviewResponse.of(i, now)).toList());
    archive.csv("interviews.csv", COLUMNS, mine.stream().map(InterviewsPersonalData::row).toList());
    List<String> records = contacts.linkedTo(person);
    List<RequestView> toThem = new ArrayList<>();
    if (!records.isEmpty()) {
      try (Stream<Interview> asked =
          StorePages.stream(
              mongo,
              Query.query(Criteria.where("contact.contactId").in(records)),
              Interview.class)) {
        asked.forEach(i -> toThem.add(RequestView.of(i, properties.schoolName(), null)));
      }
    }
    archive.json("requests-to-you.json", toThem);
  }

  private static List<@Nullable String> row(Interview i) {
    return Arrays.asList(
        i.id(),
        i.contact().displayName(),
        i.contact().organizationName(),
        i.contact().jobTitle(),
        i.careerField(),
        i.purpose(),
        i.status().name(),
        i.createdAt().toString(),
        i.appointment() == null ? null : i.appointment().start().toString(),
        i.completedAt() == null ? null : i.completedAt().toString(),
        i.thankYou() == null ? null : i.thankYou().sentAt().toString(),
        String.valueOf(i.referrals().size()),
        i.endReason());
  }

  /**
   * A student's interviews go whole, notes and all. Requests made to the person as an alumnus go
   * with the contact record they were made to (ContactErased, which contacts-service sends when it
   * erases the person's records).
   */
  @Override
  public void erase(String personId) {
    removeOf(personId);
  }

  @Override
  public String kind() {
    return "interviews";
  }

  @Override
  public long countOf(Collection<String> studentIds) {
    return mongo.count(Query.query(Criteria.where("studentId").in(studentIds)), Interview.class);
  }

  /** Removes the student's interviews, and says which went (for the read models kept of them). */
  @Override
  public void removeOf(String studentId) {
    Query ofStudent = Query.query(Criteria.where("studentId").is(studentId));
    List<Object> ids = new ArrayList<>();
    mongo
        .getCollection(Interview.COLLECTION)
        .find(ofStudent.getQueryObject())
        .projection(new org.bson.Document("_id", 1))
        .forEach(interview -> ids.add(interview.get("_id")));
    mongo.remove(ofStudent, Interview.class);
    if (!ids.isEmpty()) {
      publisher.publishEvent(new AggregatesWritten(Interview.class, List.of(), ids));
    }
  }
}
