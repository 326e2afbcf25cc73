package org.infointerview.contacts.profile;

import java.time.Clock;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.support.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Provisions a person's profile the first time they are seen and refreshes it when the provider's
 * claims change; each of those is announced as {@code UserProfileProvisioned}, stored with the
 * profile in one write. Seeing an unchanged person writes nothing.
 */
@Service
class UserProfiles {

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final Clock clock;

  UserProfiles(MongoTemplate mongo, AggregateStore store, Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.clock = clock;
  }

  UserProfile provision(CurrentUser user) {
    for (int attempt = 0; ; attempt++) {
      try {
        UserProfile existing = mongo.findById(user.id(), UserProfile.class);
        if (existing == null) {
          return store.insert(UserProfile.of(user, clock.instant()));
        }
        return store.update(existing.refreshedFrom(user));
      } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
        if (attempt >= 3) {
          throw raced;
        }
      }
    }
  }
}
