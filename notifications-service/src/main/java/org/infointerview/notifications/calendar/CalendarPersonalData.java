package org.infointerview.notifications.calendar;

import java.io.IOException;
import java.time.Instant;
import org.infointerview.support.personal.PersonalArchive;
import org.infointerview.support.personal.PersonalData;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * In a person's export: whether they have a calendar feed and since when; never its secret address,
 * which an archive passed on would give away.
 */
@Component
class CalendarPersonalData implements PersonalData {

  private final CalendarFeeds feeds;

  CalendarPersonalData(CalendarFeeds feeds) {
    this.feeds = feeds;
  }

  @Override
  public void export(CurrentUser person, PersonalArchive archive) throws IOException {
    Instant since = feeds.activeSince(person.id()).orElse(null);
    archive.json("calendar-feed.json", new Feed(since != null, since));
  }

  record Feed(boolean active, @Nullable Instant since) {}

  @Override
  public void erase(String personId) {
    feeds.erase(personId);
  }
}
