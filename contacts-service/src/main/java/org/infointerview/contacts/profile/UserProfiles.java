package org.infointerview.contacts.profile;

import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Studies;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

  UserProfile provision(CurrentUser user, Studies studies) {
    for (int attempt = 0; ; attempt++) {
      try {
        UserProfile existing = mongo.findById(user.id(), UserProfile.class);
        if (existing == null) {
          return store.insert(UserProfile.of(user, studies, clock.instant()));
        }
        return store.update(existing.refreshedFrom(user, studies));
      } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
        if (attempt >= 3) {
          throw raced;
        }
      }
    }
  }

  /**
   * Turns the person's profile into the erasure's tombstone and announces PersonErased with it
   * (every service, this one too, then removes what it holds about them); returns the version.
   */
  long erase(String userId, String reference) {
    for (int attempt = 0; ; attempt++) {
      try {
        UserProfile existing = mongo.findById(userId, UserProfile.class);
        UserProfile written =
            existing == null
                ? store.insert(UserProfile.erasedUnknown(userId, reference, clock.instant()))
                : store.update(existing.erased(reference, clock.instant()));
        return written.version() == null ? 0 : written.version();
      } catch (DuplicateKeyException | OptimisticLockingFailureException raced) {
        if (attempt >= 3) {
          throw raced;
        }
      }
    }
  }

  /** The id of whoever signed in with this address, if anyone did. */
  Optional<String> withAddress(String email) {
    return Optional.ofNullable(
            mongo.findOne(
                Query.query(
                    Criteria.where("email").regex("^" + Pattern.quote(email.strip()) + "$", "i")),
                UserProfile.class))
        .map(UserProfile::userId);
  }
}
