package org.infointerview.notifications.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** When quiet hours end, seen from a moment inside or outside them, across midnight too. */
class QuietHoursTest {

  private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  @Test
  void insideHoursAcrossMidnightTheyEndTheNextMorning() {
    ZonedDateTime late = ZonedDateTime.of(2026, 12, 7, 23, 30, 0, 0, CHICAGO);

    assertThat(QuietHours.end(LocalTime.of(22, 0), LocalTime.of(7, 0), late))
        .contains(ZonedDateTime.of(2026, 12, 8, 7, 0, 0, 0, CHICAGO).toInstant());
  }

  @Test
  void afterMidnightTheyEndThatMorning() {
    ZonedDateTime early = ZonedDateTime.of(2026, 12, 8, 5, 0, 0, 0, CHICAGO);

    assertThat(QuietHours.end(LocalTime.of(22, 0), LocalTime.of(7, 0), early))
        .contains(ZonedDateTime.of(2026, 12, 8, 7, 0, 0, 0, CHICAGO).toInstant());
  }

  @Test
  void outsideThemNothingWaits() {
    ZonedDateTime noon = ZonedDateTime.of(2026, 12, 8, 12, 0, 0, 0, CHICAGO);

    assertThat(QuietHours.end(LocalTime.of(22, 0), LocalTime.of(7, 0), noon)).isEmpty();
    assertThat(QuietHours.end(LocalTime.of(13, 0), LocalTime.of(17, 0), noon)).isEmpty();
  }

  @Test
  void hoursWithinOneDayEndThatDay() {
    ZonedDateTime afternoon = ZonedDateTime.of(2026, 12, 8, 14, 0, 0, 0, CHICAGO);

    assertThat(QuietHours.end(LocalTime.of(13, 0), LocalTime.of(17, 0), afternoon))
        .contains(ZonedDateTime.of(2026, 12, 8, 17, 0, 0, 0, CHICAGO).toInstant());
  }

  @Test
  void theEndIsInTheirZoneOnTheDayTheClocksChange() {
    // 2027-03-14: America/Chicago moves from UTC-6 to UTC-5 at 02:00
    ZonedDateTime night = ZonedDateTime.of(2027, 3, 14, 1, 0, 0, 0, CHICAGO);

    assertThat(QuietHours.end(LocalTime.of(22, 0), LocalTime.of(7, 0), night))
        .contains(Instant.parse("2027-03-14T12:00:00Z"));
  }
}
