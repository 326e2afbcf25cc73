package org.infointerview.notifications.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Calendar invitations for an interview: one stable UID per interview, SEQUENCE from the
 * appointment (each new time one more), the time in the recipient's zone with its VTIMEZONE, and
 * every text value escaped by the library (a name with a line break or {@code ;,\} stays one
 * property value).
 */
@Component
public class Invites {

  /** What an invitation says. */
  public record Meeting(
      String interviewId,
      String summary,
      Instant start,
      int durationMinutes,
      String zone,
      @Nullable String location,
      @Nullable String description,
      int sequence,
      String organizer,
      String attendee) {}

  private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

  /** METHOD:REQUEST: a new time, or a moved one (a higher SEQUENCE). */
  public String request(Meeting meeting) {
    return calendar(meeting, false);
  }

  /** METHOD:CANCEL: the meeting is off (STATUS:CANCELLED). */
  public String cancel(Meeting meeting) {
    return calendar(meeting, true);
  }

  /**
   * METHOD:PUBLISH, for a subscribed calendar feed: every meeting given, cancelled ones marked so,
   * in one zone (the reader's).
   *
   * @param cancelled the interview ids of those called off
   */
  public String feed(String name, String zoneId, List<Meeting> meetings, Set<String> cancelled) {
    TimeZone zone = zone(zoneId);
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//InfoInterview//Informational interviews//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", name));
    if (zone != null) {
      calendar.add(zone.getVTimeZone());
    }
    for (Meeting meeting : meetings) {
      calendar.add(event(meeting, zone, cancelled.contains(meeting.interviewId())));
    }
    return calendar.toString();
  }

  private String calendar(Meeting meeting, boolean cancelled) {
    TimeZone zone = zone(meeting.zone());
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//InfoInterview//Informational interviews//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    if (zone != null) {
      calendar.add(zone.getVTimeZone());
    }
    calendar.add(event(meeting, zone, cancelled));
    return calendar.toString();
  }

  /**
   * The zone with its VTIMEZONE from ical4j's own data; null (times in UTC) for an id it has none
   * for, such as {@code Z} or an offset (it fails on those rather than saying so).
   */
  private @Nullable TimeZone zone(String id) {
    if (id.equals("Z") || id.startsWith("+") || id.startsWith("-") || id.startsWith("UTC+")) {
      return null;
    }
    try {
      return zones.getTimeZone(id);
    } catch (RuntimeException unknown) {
      return null;
    }
  }

  private static VEvent event(Meeting meeting, @Nullable TimeZone zone, boolean cancelled) {
    ZoneId zoneId = zone == null ? ZoneId.of("UTC") : zone.toZoneId();
    ZonedDateTime start = meeting.start().atZone(zoneId);
    VEvent event =
        new VEvent(start, start.plusMinutes(meeting.durationMinutes()), meeting.summary());
    event.add(new Uid(meeting.interviewId() + "@infointerview"));
    event.add(new Sequence(meeting.sequence()));
    event.add(new Organizer("mailto:" + meeting.organizer()));
    event.add(new Attendee("mailto:" + meeting.attendee()));
    if (meeting.location() != null) {
      event.add(new Location(meeting.location()));
    }
    if (meeting.description() != null) {
      event.add(new Description(meeting.description()));
    }
    if (cancelled) {
      event.add(ImmutableStatus.VEVENT_CANCELLED);
    }
    return event;
  }
}
