package org.infointerview.notifications.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Zones ical4j has no VTIMEZONE for (a profile without one reads as {@code Z}) still make invites.
 */
class InvitesTest {

  private final Invites invites = new Invites();

  @Test
  void aReaderWithoutAZoneGetsAnInviteInUtc() {
    Instant start = Instant.parse("2026-12-10T17:00:00Z");
    String ics =
        invites.request(
            new Invites.Meeting(
                "65c1a2b3c4d5e6f7a8b9c0d1",
                "Informational interview with Ada",
                start,
                30,
                ZoneOffset.UTC.getId(),
                null,
                null,
                0,
                "no-reply@infointerview.local",
                "sam@example.edu"));

    ICalendar calendar = Biweekly.parse(ics).first();
    assertThat(calendar.getEvents().get(0).getDateStart().getValue().toInstant()).isEqualTo(start);
  }

  @Test
  void aFeedInAnOffsetZoneIsStillACalendar() {
    String ics = invites.feed("InfoInterview", "+02:00", List.of(), Set.of());

    assertThat(Biweekly.parse(ics).first().getMethod().getValue()).isEqualTo("PUBLISH");
  }
}
