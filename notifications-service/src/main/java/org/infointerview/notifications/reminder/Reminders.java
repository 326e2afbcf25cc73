package org.infointerview.notifications.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.preference.Preferences;
import org.infointerview.notifications.recipient.Recipient;
import org.infointerview.notifications.recipient.Recipients;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.NoSuchMessageException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.thymeleaf.exceptions.TemplateEngineException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reminders for one interview, from its latest due times; the person's of an agreed time (a day
 * and an hour before, {@link PersonReminderMail}) and the student's: the day and the hour before
 * the conversation, the thank-you 24 hours after it and when overdue, a follow-up when a request
 * went unanswered, keeping in touch, and each action item on its day at 09:00 in the student's
 * zone. Each is a message queued for its time, named by the interview, the kind and the time, so a
 * time that moves is a new reminder and the old one is dropped; a due time already past is not
 * reminded of. Facts older than those already planned from change nothing.
 */
@Component
class Reminders {

  static final String PLANS = "interview_reminders";
  static final LocalTime ACTION_ITEMS_AT = LocalTime.of(9, 0);
  private static final Logger log = LoggerFactory.getLogger(Reminders.class);

  private record Reminder(String kind, Instant at, @Nullable String item) {}

  private final MongoTemplate mongo;
  private final Recipients recipients;
  private final Preferences preferences;
  private final MailTemplates templates;
  private final Deliveries deliveries;
  private final Clock clock;
  private final String publicUrl;
  private final JsonMapper json;

  Reminders(
      MongoTemplate mongo,
      Recipients recipients,
      Preferences preferences,
      MailTemplates templates,
      Deliveries deliveries,
      Clock clock,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl,
      JsonMapper json) {
    this.json = json;
    this.mongo = mongo;
    this.recipients = recipients;
    this.preferences = preferences;
    this.templates = templates;
    this.deliveries = deliveries;
    this.clock = clock;
    this.publicUrl = publicUrl;
  }

  void plan(ReminderListener.DueDates due) {
    Document planned = mongo.findById(due.interviewId(), Document.class, PLANS);
    if (planned != null && planned.get("version", Number.class).longValue() >= due.version()) {
      return;
    }
    List<String> before = planned == null ? List.of() : planned.getList("ids", String.class);
    Recipient student = recipients.find(due.studentId()).orElse(null);
    Preferences.Reminders how = preferences.reminders(due.studentId());
    Preferences.@Nullable ForMail reads =
        student == null ? null : preferences.forMail(student.userId(), student.zone());
    Map<String, Reminder> wanted = new LinkedHashMap<>();
    if (reads != null && how.any()) {
      wanted.putAll(wanted(due, reads.zone()));
    }
    Map<String, Reminder> theirs = forThePerson(due);
    wanted.putAll(theirs);
    for (String id : before) {
      if (!wanted.containsKey(id)) {
        deliveries.drop(id);
      }
    }
    for (Map.Entry<String, Reminder> reminder : wanted.entrySet()) {
      if (before.contains(reminder.getKey())) {
        continue;
      }
      if (theirs.containsKey(reminder.getKey())) {
        queueForThePerson(reminder.getKey(), reminder.getValue(), due);
      } else if (student != null && reads != null) {
        queue(reminder.getKey(), reminder.getValue(), due, student, reads, how);
      }
    }
    mongo.upsert(
        Query.query(Criteria.where("_id").is(due.interviewId())),
        new Update().set("version", due.version()).set("ids", List.copyOf(wanted.keySet())),
        PLANS);
  }

  /**
   * The person's reminders of an agreed time, a day and an hour before (made when due, at the
   * address contacts-service gives then, in their language and zone).
   */
  private Map<String, Reminder> forThePerson(ReminderListener.DueDates due) {
    if (due.meetingStartsAt() == null) {
      return Map.of();
    }
    return future(
        due.interviewId(),
        List.of(
            new Reminder(
                "PERSON_MEETING_DAY", due.meetingStartsAt().minus(Duration.ofDays(1)), null),
            new Reminder(
                "PERSON_MEETING_HOUR", due.meetingStartsAt().minus(Duration.ofHours(1)), null)));
  }

  private void queueForThePerson(String id, Reminder reminder, ReminderListener.DueDates due) {
    PersonReminderMail.Facts facts =
        new PersonReminderMail.Facts(
            reminder.kind(),
            due.interviewId(),
            due.studentId(),
            due.contactId(),
            Objects.requireNonNull(due.meetingStartsAt()));
    deliveries.queueAt(
        id,
        Deliveries.Message.toContact(
            PersonReminderMail.KIND, id, due.contactId(), json.writeValueAsString(facts)),
        reminder.at());
  }

  /** The reminders these due times call for, by id; none for a time already past. */
  private Map<String, Reminder> wanted(ReminderListener.DueDates due, ZoneId zone) {
    List<Reminder> all = new ArrayList<>();
    if (due.meetingStartsAt() != null) {
      all.add(new Reminder("MEETING_DAY", due.meetingStartsAt().minus(Duration.ofDays(1)), null));
      all.add(new Reminder("MEETING_HOUR", due.meetingStartsAt().minus(Duration.ofHours(1)), null));
    }
    if (due.thankYouDueAt() != null) {
      all.add(new Reminder("THANK_YOU", due.thankYouDueAt().minus(Duration.ofDays(1)), null));
      all.add(new Reminder("THANK_YOU_OVERDUE", due.thankYouDueAt(), null));
    }
    if (due.followUpDueAt() != null) {
      all.add(new Reminder("FOLLOW_UP", due.followUpDueAt(), null));
    }
    if (due.keepInTouchDueAt() != null) {
      all.add(new Reminder("KEEP_IN_TOUCH", due.keepInTouchDueAt(), null));
    }
    for (ReminderListener.ActionItem item : due.actionItemsDue()) {
      all.add(
          new Reminder(
              "ACTION_ITEM",
              item.dueOn().atTime(ACTION_ITEMS_AT).atZone(zone).toInstant(),
              item.text()));
    }
    return future(due.interviewId(), all);
  }

  /** These reminders by id, but for those whose time is past. */
  private Map<String, Reminder> future(String interviewId, List<Reminder> all) {
    Instant now = clock.instant();
    Map<String, Reminder> wanted = new LinkedHashMap<>();
    for (Reminder reminder : all) {
      if (reminder.at().isAfter(now)) {
        String id =
            "REMINDER|"
                + interviewId
                + "|"
                + reminder.kind()
                + "|"
                + reminder.at().getEpochSecond()
                + (reminder.item() == null
                    ? ""
                    : "|" + Integer.toHexString(reminder.item().hashCode()));
        wanted.put(id, reminder);
      }
    }
    return wanted;
  }

  private void queue(
      String id,
      Reminder reminder,
      ReminderListener.DueDates due,
      Recipient student,
      Preferences.ForMail reads,
      Preferences.Reminders how) {
    Instant when =
        switch (reminder.kind()) {
          case "MEETING_DAY", "MEETING_HOUR" -> due.meetingStartsAt();
          case "THANK_YOU", "THANK_YOU_OVERDUE" -> due.thankYouDueAt();
          default -> reminder.at();
        };
    Map<String, Object> values = new HashMap<>();
    values.put("readerName", student.displayName());
    values.put("kind", reminder.kind());
    values.put("otherName", due.contactDisplayName());
    values.put("forPerson", false);
    values.put("unsubscribeLink", "");
    values.put("whenLocal", reads.time(when));
    values.put("timeZone", reads.zone().getId());
    values.put("item", reminder.item() == null ? "" : reminder.item());
    values.put("link", publicUrl);
    String kind = "REMINDER_" + reminder.kind();
    MailTemplates.Rendered content;
    try {
      content =
          templates.render(
              "reminder",
              "reminder." + reminder.kind() + ".subject",
              reads.locale(),
              values,
              reminder.item() == null ? due.contactDisplayName() : reminder.item());
    } catch (TemplateEngineException | NoSuchMessageException e) {
      log.warn("Reminder {} could not be rendered: {}", id, e.toString());
      return;
    }
    deliveries.queueAt(
        id,
        new Deliveries.Message(
            kind,
            id,
            student.userId(),
            student.email(),
            student.displayName(),
            content,
            how.byEmail(),
            how.inApp()),
        reminder.at());
  }
}
