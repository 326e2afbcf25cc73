package org.infointerview.contacts.contact;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.Objects;
import org.infointerview.events.contacts.ConsentState;
import org.jspecify.annotations.Nullable;

/**
 * Whether and how a person may be asked for an informational interview.
 *
 * @param optedIn agreed to informational interviews
 * @param optedInAt when they last opted in; null when never
 * @param optInSource who recorded the opt-in: SELF, ADMIN, IMPORT or ALUMNI_SYNC
 * @param preference how students may reach them
 * @param channel how they prefer to be approached first
 * @param maxRequestsPerMonth capacity across all students; null for no limit
 * @param pausedUntil no requests before this instant; null when not paused
 * @param doNotContact never contact, whatever else says
 */
@RecordBuilder
@RecordBuilder.Options(useImmutableCollections = true)
public record Consent(
    boolean optedIn,
    @Nullable Instant optedInAt,
    @Nullable ConsentActor optInSource,
    ContactPreference preference,
    ContactChannel channel,
    @Nullable Integer maxRequestsPerMonth,
    @Nullable Instant pausedUntil,
    boolean doNotContact)
    implements ConsentBuilder.With {

  /** A student's own contact: not an opted-in volunteer, reached however the student likes. */
  static Consent personal() {
    return new Consent(
        false, null, null, ContactPreference.SHOW_EMAIL, ContactChannel.EMAIL, null, null, false);
  }

  /** Someone from the alumni database or a directory who has not said anything yet. */
  public static Consent notAsked() {
    return new Consent(
        false, null, null, ContactPreference.VIA_PLATFORM, ContactChannel.EMAIL, null, null, false);
  }

  /** Whether students may find this person and ask them. */
  public boolean reachable() {
    return optedIn && !doNotContact;
  }

  /** This consent as set by an actor now; the opt-in time moves only when opting in anew. */
  Consent changedBy(ConsentActor actor, Instant now, Consent before) {
    boolean newlyOptedIn = optedIn && !before.optedIn();
    return new Consent(
        optedIn,
        !optedIn ? before.optedInAt() : newlyOptedIn ? now : before.optedInAt(),
        !optedIn ? before.optInSource() : newlyOptedIn ? actor : before.optInSource(),
        preference,
        channel,
        maxRequestsPerMonth,
        pausedUntil,
        doNotContact);
  }

  /** Whether another consent says the same, ignoring when and by whom the opt-in was recorded. */
  public boolean sameChoicesAs(Consent other) {
    return optedIn == other.optedIn
        && preference == other.preference
        && channel == other.channel
        && Objects.equals(maxRequestsPerMonth, other.maxRequestsPerMonth)
        && Objects.equals(pausedUntil, other.pausedUntil)
        && doNotContact == other.doNotContact;
  }

  ConsentState toEvent() {
    return new ConsentState(
        optedIn, preference.name(), maxRequestsPerMonth, pausedUntil, doNotContact);
  }
}
