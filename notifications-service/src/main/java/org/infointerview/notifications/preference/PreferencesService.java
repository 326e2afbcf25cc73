package org.infointerview.notifications.preference;

import java.time.Clock;
import java.time.LocalTime;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A person's own preferences: the defaults until they first change them, then what they chose,
 * written through the aggregate store like every aggregate.
 */
@Service
class PreferencesService {

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final Deliveries deliveries;
  private final Clock clock;

  PreferencesService(
      MongoTemplate mongo, AggregateStore store, Deliveries deliveries, Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.deliveries = deliveries;
    this.clock = clock;
  }

  /** Theirs, or the defaults (not stored) when they never chose. */
  NotificationPreferences current(CurrentUser me) {
    NotificationPreferences stored = mongo.findById(me.id(), NotificationPreferences.class);
    return stored != null ? stored : NotificationPreferences.defaults(me.id(), clock.instant());
  }

  /** Stores their choice; two changes at once: the later one is taken again over the first. */
  NotificationPreferences change(CurrentUser me, PreferencesRequest request) {
    if (request.quietHours() != null
        && request.quietHours().from().equals(request.quietHours().until())) {
      throw new InvalidFieldException(
          "quietHours", "from and until must differ (no quiet hours: leave quietHours out)");
    }
    NotificationPreferences written = write(me, request);
    // what waits for quiet hours is asked again now, under the new choice
    deliveries.quietHoursChanged(me.id());
    return written;
  }

  private NotificationPreferences write(CurrentUser me, PreferencesRequest request) {
    for (int attempt = 0; ; attempt++) {
      NotificationPreferences current = current(me);
      Changed<NotificationPreferences> changed =
          current.change(
              request.emailReminders(),
              request.inAppReminders(),
              request.timeZone(),
              request.language() == null ? NotificationPreferences.ENGLISH : request.language(),
              request.quietHours() == null ? null : LocalTime.parse(request.quietHours().from()),
              request.quietHours() == null ? null : LocalTime.parse(request.quietHours().until()),
              request.dailyDigestAt() == null ? null : LocalTime.parse(request.dailyDigestAt()),
              clock.instant());
      try {
        return current.version() == null ? store.insert(changed) : store.update(changed);
      } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
        if (attempt >= 2) {
          throw raced;
        }
      }
    }
  }

  /** An erased person's choices: gone (defaults again, should they sign in anew). */
  void erase(String userId) {
    mongo.remove(Query.query(Criteria.where("_id").is(userId)), NotificationPreferences.class);
  }
}
