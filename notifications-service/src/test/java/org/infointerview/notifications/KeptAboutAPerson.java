package org.infointerview.notifications;

import java.util.UUID;
import org.infointerview.notifications.calendar.CalendarFeeds;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.inbox.Inbox;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What this service keeps about a platform user, for the tests of their export and erasure: their
 * address ("Sam Student"), an inbox entry ("Ada accepted."), a message to them ("Your interview
 * tomorrow", "Meet Ada at 10.") and a calendar feed.
 *
 * @param feedUrl the feed's secret address
 */
record KeptAboutAPerson(String userId, String address, String feedUrl) {

  static KeptAboutAPerson of(
      String userId,
      String address,
      MongoTemplate mongo,
      Inbox inbox,
      Deliveries deliveries,
      CalendarFeeds feeds) {
    RecipientFixtures.store(mongo, userId, address, "Sam Student", "America/Chicago");
    inbox.add(UUID.randomUUID().toString(), userId, "ANSWER", "Ada answered", "Ada accepted.");
    deliveries.queue(
        new Deliveries.Message(
            "REMINDER",
            UUID.randomUUID().toString(),
            userId,
            address,
            "Sam Student",
            new MailTemplates.Rendered("Your interview tomorrow", "Meet Ada at 10.", "<p>x</p>")));
    return new KeptAboutAPerson(userId, address, feeds.create(userId).url());
  }

  /** The feed's secret token, as its address carries it. */
  String feedSecret() {
    return feedUrl.substring(feedUrl.lastIndexOf('/') + 1, feedUrl.length() - ".ics".length());
  }
}
