package org.infointerview.notifications.interview;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.infointerview.notifications.calendar.Invites;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.preference.Preferences;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mail that a time was agreed, moved or called off, with its calendar invitation: the same for
 * the student and the person they talk with, each in their own language and zone, naming the other.
 */
@Component
class TimeMails {

  /**
   * What such a mail is made from (InterviewScheduled, InterviewRescheduled, InterviewCancelled).
   *
   * @param change SCHEDULED, RESCHEDULED or CANCELLED
   */
  record Facts(
      String change,
      String interviewId,
      String studentId,
      String contactId,
      String contactDisplayName,
      Instant start,
      int durationMinutes,
      @Nullable String mode,
      @Nullable String where,
      @Nullable String reason,
      int sequence) {

    boolean cancelled() {
      return "CANCELLED".equals(change);
    }

    /** The message kind of the student's mail (kept from before the person got theirs). */
    String studentKind() {
      return "INTERVIEW_" + change;
    }
  }

  /** A mail made: its words and its invite (REQUEST or CANCEL). */
  record Made(MailTemplates.Rendered content, String ics, String method) {}

  private final MailTemplates templates;
  private final Invites invites;
  private final String publicUrl;
  private final String fromAddress;

  TimeMails(
      MailTemplates templates,
      Invites invites,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl,
      @Value("${infointerview.delivery.from-address:no-reply@infointerview.local}")
          String fromAddress) {
    this.templates = templates;
    this.invites = invites;
    this.publicUrl = publicUrl;
    this.fromAddress = fromAddress;
  }

  /**
   * The mail to one of the two.
   *
   * @param readerName who it is to
   * @param otherName who they talk with
   * @param attendee the reader's address, the invite's ATTENDEE
   * @param unsubscribe for the person (not a platform user): their unsubscribe link; null for the
   *     student
   * @throws org.thymeleaf.exceptions.TemplateEngineException when the template fails
   */
  Made make(
      Facts facts,
      String readerName,
      String otherName,
      Preferences.ForMail reads,
      String attendee,
      @Nullable String unsubscribe) {
    String whenLocal = reads.time(facts.start());
    Map<String, Object> values = new HashMap<>();
    values.put("readerName", readerName);
    values.put("otherName", otherName);
    values.put("whenLocal", whenLocal);
    values.put("timeZone", reads.zone().getId());
    values.put("link", publicUrl);
    values.put("kind", facts.change());
    values.put("mode", facts.mode() == null ? "" : facts.mode());
    values.put("where", facts.where() == null ? "" : facts.where());
    values.put("reason", facts.reason() == null ? "" : facts.reason());
    values.put("forPerson", unsubscribe != null);
    values.put("unsubscribeLink", unsubscribe == null ? "" : unsubscribe);
    MailTemplates.Rendered content =
        templates.render(
            "interview-time",
            "interview-time." + facts.change() + ".subject",
            reads.locale(),
            values,
            otherName,
            whenLocal);
    String summary = templates.word("interview-time.summary", reads.locale(), otherName);
    Invites.Meeting meeting =
        new Invites.Meeting(
            facts.interviewId(),
            summary,
            facts.start(),
            facts.durationMinutes(),
            reads.zone().getId(),
            facts.cancelled() ? null : facts.where(),
            facts.cancelled() ? facts.reason() : null,
            facts.sequence(),
            fromAddress,
            attendee);
    return facts.cancelled()
        ? new Made(content, invites.cancel(meeting), "CANCEL")
        : new Made(content, invites.request(meeting), "REQUEST");
  }
}
