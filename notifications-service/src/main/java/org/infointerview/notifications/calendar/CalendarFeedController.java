package org.infointerview.notifications.calendar;

import java.time.Instant;
import java.util.Map;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's private calendar feed: created (the address shown once), looked at, turned off; and
 * the feed itself, open without sign-in at its secret address (the token is the credential; the
 * gateway lets exactly this address through, rate-limited), as calendar apps fetch it.
 */
@RestController
class CalendarFeedController {

  private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final CalendarFeeds feeds;

  CalendarFeedController(CalendarFeeds feeds) {
    this.feeds = feeds;
  }

  /** A new feed address (the one before stops working); 201 with its address, shown only now. */
  @PostMapping("/me/calendar-feed")
  @PreAuthorize("isAuthenticated()")
  ResponseEntity<CalendarFeeds.Feed> create(CurrentUser me) {
    return ResponseEntity.status(HttpStatus.CREATED).body(feeds.create(me.id()));
  }

  /** Whether the person has a feed, since when; 404 when none. */
  @GetMapping("/me/calendar-feed")
  @PreAuthorize("isAuthenticated()")
  Map<String, Instant> get(CurrentUser me) {
    return Map.of(
        "createdAt",
        feeds
            .activeSince(me.id())
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "You have no calendar feed; create one with POST /me/calendar-feed.")));
  }

  /** The feed stops working; 204 whether or not there was one. */
  @DeleteMapping("/me/calendar-feed")
  @PreAuthorize("isAuthenticated()")
  ResponseEntity<Void> revoke(CurrentUser me) {
    feeds.revoke(me.id());
    return ResponseEntity.noContent().build();
  }

  /** The feed, as calendar apps subscribe to it. */
  @GetMapping("/calendar/{token}.ics")
  ResponseEntity<String> calendar(@PathVariable String token) {
    return ResponseEntity.ok()
        .contentType(CALENDAR)
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
        .body(feeds.calendar(token));
  }
}
