package org.infointerview.contacts.profile;

import java.time.Clock;
import java.util.List;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Outbox;
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
  private final Outbox outbox;
  private final Clock clock;

  UserProfiles(MongoTemplate mongo, AggregateStore store, Outbox outbox, Clock clock) {
    this.mongo = mongo;
    this.store = store;
    this.outbox = outbox;
    this.clock = clock;
  }

  UserProfile provision(CurrentUser user) {
    for (int attempt = 0; ; attempt++) {
      try {
        UserProfile existing = mongo.findById(user.id(), UserProfile.class);
        if (existing == null) {
          UserProfile profile = UserProfile.of(user, clock.instant());
          return store.insert(profile, List.of(outbox.entry(profile.userId(), profile.created())));
        }
        if (!existing.differsFrom(user)) {
          return existing;
        }
        UserProfile refreshed = existing.refreshedFrom(user);
        return store.update(
            refreshed, List.of(outbox.entry(refreshed.userId(), refreshed.provisioned())));
      } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
        if (attempt >= 3) {
          throw raced;
        }
      }
    }
  }
}
