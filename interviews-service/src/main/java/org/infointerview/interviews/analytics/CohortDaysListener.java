package org.infointerview.interviews.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.infointerview.interviews.interview.Interview;
import org.infointerview.interviews.student.StudiesChanged;
import org.infointerview.messaging.outbox.AggregatesWritten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Marks the cohort days that this instance's writes change, on the writer's thread, before its
 * answer goes out: the interviews written (whole, in part, or removed) and the students whose
 * studies moved. Days that held interviews written in part or removed are built at once, so an
 * erased student's id leaves them with their interviews. A mark that fails is logged and left to
 * the reconcile pass; the write stands.
 */
@Component
class CohortDaysListener {

  private static final Logger log = LoggerFactory.getLogger(CohortDaysListener.class);

  private final CohortDays days;

  CohortDaysListener(CohortDays days) {
    this.days = days;
  }

  @EventListener
  void written(AggregatesWritten written) {
    if (written.type() != Interview.class) {
      return;
    }
    try {
      Map<LocalDate, List<Object>> byDay = new HashMap<>();
      for (Object aggregate : written.aggregates()) {
        Interview interview = (Interview) aggregate;
        byDay
            .computeIfAbsent(
                interview.createdAt().atZone(ZoneOffset.UTC).toLocalDate(), d -> new ArrayList<>())
            .add(CohortDays.stored(interview.id()));
      }
      days.mark(byDay);
      if (!written.ids().isEmpty()) {
        // Removed interviews (an erasure, retention) leave their days' counts and student ids now.
        for (String day : days.markAgain(written.ids())) {
          days.build(day);
        }
      }
    } catch (RuntimeException e) {
      log.warn("Cohort days: interviews' days not marked; the reconcile pass will", e);
    }
  }

  @EventListener
  void studiesChanged(StudiesChanged changed) {
    try {
      days.markStudent(changed.studentId());
    } catch (RuntimeException e) {
      log.warn("Cohort days: a student's days not marked; the reconcile pass will", e);
    }
  }
}
