package org.infointerview.interviews.interview;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The student's dashboard, from one read of their interviews (the most recent {@value #MOST}, only
 * the fields it shows: {@link #FIELDS}): a student has tens of interviews, so sorting them here
 * costs less than a query per list.
 */
@Service
class Dashboard {

  static final int MOST = 2_000;

  /**
   * What the dashboard reads of each interview, and nothing else (notes' text alone may be 64 KiB):
   * the benchmark's raw read names the same.
   */
  static final String[] FIELDS = {
    "studentId",
    "createdAt",
    "contact.contactId",
    "contact.institutional",
    "contact.displayName",
    "status",
    "appointment",
    "thankYouDueAt",
    "followUpDueAt",
    "keepInTouchDueAt",
    "attempts.at",
    "attempts.followUp",
    "answers",
    "notes.actionItems"
  };

  static final int UPCOMING = 20;
  static final Duration ACTION_ITEMS_AHEAD = Duration.ofDays(7);

  private final MongoTemplate mongo;
  private final StudentInterviews byStudent;
  private final Clock clock;

  Dashboard(MongoTemplate mongo, StudentInterviews byStudent, Clock clock) {
    this.mongo = mongo;
    this.byStudent = byStudent;
    this.clock = clock;
  }

  DashboardResponse of(CurrentUser student) {
    Instant now = clock.instant();
    ZoneId zone = zoneOf(student);
    LocalDate today = LocalDate.ofInstant(now, zone);
    // By _id alone: the embedded store answers that from its index (StudentInterviews)
    Query mine = Query.query(Criteria.where("_id").in(byStudent.of(student.id())));
    mine.fields().include(FIELDS);
    List<Interview> interviews =
        mongo.find(mine, Interview.class).stream()
            .filter(i -> i.studentId().equals(student.id()))
            .sorted(Comparator.comparing(Interview::createdAt).reversed())
            .limit(MOST)
            .toList();

    List<DashboardResponse.Upcoming> upcoming = new ArrayList<>();
    List<DashboardResponse.ThankYouDue> thanks = new ArrayList<>();
    List<DashboardResponse.ActionItemDue> actions = new ArrayList<>();
    List<DashboardResponse.FollowUpDue> followUps = new ArrayList<>();
    List<DashboardResponse.Due> keepInTouch = new ArrayList<>();
    List<DashboardResponse.Due> waiting = new ArrayList<>();
    List<DashboardResponse.TimesProposed> proposed = new ArrayList<>();
    Map<InterviewStatus, Long> counts = new EnumMap<>(InterviewStatus.class);
    for (Interview i : interviews) {
      String name = i.contact().displayName();
      counts.merge(i.status(), 1L, Long::sum);
      Appointment a = i.appointment();
      if (i.status() == InterviewStatus.SCHEDULED && a != null && a.end().isAfter(now)) {
        upcoming.add(
            new DashboardResponse.Upcoming(
                i.id(),
                name,
                a.start(),
                LocalDateTime.ofInstant(a.start(), zone),
                a.durationMinutes(),
                a.mode(),
                a.where()));
      }
      if (i.status() == InterviewStatus.COMPLETED && i.thankYouDueAt() != null) {
        thanks.add(
            new DashboardResponse.ThankYouDue(
                i.id(),
                name,
                i.thankYouDueAt(),
                Duration.between(now, i.thankYouDueAt()).toHours()));
      }
      if (i.notes() != null) {
        for (ActionItem item : i.notes().actionItems()) {
          if (!item.done()
              && (item.dueOn() == null
                  || !item.dueOn().isAfter(today.plusDays(ACTION_ITEMS_AHEAD.toDays())))) {
            actions.add(
                new DashboardResponse.ActionItemDue(
                    i.id(),
                    name,
                    item.text(),
                    item.dueOn(),
                    item.dueOn() != null && item.dueOn().isBefore(today)));
          }
        }
      }
      @Nullable Answer answer =
          i.answers().isEmpty() ? null : i.answers().get(i.answers().size() - 1);
      if (i.status() == InterviewStatus.REQUESTED
          && answer != null
          && answer.kind() == Answer.Kind.PROPOSED
          && !i.awaitsAnswer()) {
        proposed.add(
            new DashboardResponse.TimesProposed(
                i.id(),
                name,
                answer.message(),
                answer.proposedTimes().stream()
                    .map(t -> LocalDateTime.ofInstant(t.start(), zone))
                    .toList(),
                answer.proposedTimes()));
      } else if (i.status() == InterviewStatus.REQUESTED) {
        waiting.add(new DashboardResponse.Due(i.id(), name, i.followUpDueAt()));
        if (i.followUpDueAt() != null && !i.followUpDueAt().isAfter(now)) {
          followUps.add(
              new DashboardResponse.FollowUpDue(
                  i.id(), name, i.followUpDueAt(), i.followUps(), i.noResponseSuggested(now)));
        }
      }
      if (i.keepInTouchDueAt() != null && !i.keepInTouchDueAt().isAfter(now)) {
        keepInTouch.add(new DashboardResponse.Due(i.id(), name, i.keepInTouchDueAt()));
      }
    }
    upcoming.sort(Comparator.comparing(DashboardResponse.Upcoming::start));
    thanks.sort(Comparator.comparing(DashboardResponse.ThankYouDue::dueAt));
    actions.sort(
        Comparator.comparing(
            DashboardResponse.ActionItemDue::dueOn,
            Comparator.nullsLast(Comparator.naturalOrder())));
    followUps.sort(Comparator.comparing(DashboardResponse.FollowUpDue::dueAt));
    keepInTouch.sort(
        Comparator.comparing(
            DashboardResponse.Due::dueAt, Comparator.nullsLast(Comparator.naturalOrder())));
    return new DashboardResponse(
        zone.getId(),
        upcoming.size() > UPCOMING ? upcoming.subList(0, UPCOMING) : upcoming,
        thanks,
        actions,
        followUps,
        keepInTouch,
        waiting,
        proposed,
        counts);
  }

  private static ZoneId zoneOf(CurrentUser student) {
    if (student.timeZone() != null) {
      try {
        return ZoneId.of(student.timeZone());
      } catch (DateTimeException e) {
        // a provider's unusable zone: UTC rather than no dashboard
      }
    }
    return ZoneId.of("UTC");
  }
}
