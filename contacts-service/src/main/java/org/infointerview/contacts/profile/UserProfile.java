package org.infointerview.contacts.profile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.infointerview.events.contacts.PersonErased;
import org.infointerview.events.contacts.UserProfileProvisioned;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.infointerview.support.security.Studies;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person as the identity provider describes them, keyed by {@code issuer|subject}. */
@Document("user_profiles")
public class UserProfile {

  @Id private final String userId;
  private final String displayName;
  private final @Nullable String email;
  private final @Nullable String timeZone;
  private final List<String> roles;
  private final Instant firstSignInAt;
  private final @Nullable Studies studies;
  @Version private final @Nullable Long version;

  @PersistenceCreator
  UserProfile(
      String userId,
      String displayName,
      @Nullable String email,
      @Nullable String timeZone,
      List<String> roles,
      Instant firstSignInAt,
      @Nullable Studies studies,
      @Nullable Long version) {
    this.userId = userId;
    this.displayName = displayName;
    this.email = email;
    this.timeZone = timeZone;
    this.roles = List.copyOf(roles);
    this.firstSignInAt = firstSignInAt;
    this.studies = studies;
    this.version = version;
  }

  /** The profile of someone signing in for the first time, told as UserProfileProvisioned. */
  static Changed<UserProfile> of(CurrentUser user, Studies studies, Instant now) {
    UserProfile profile =
        new UserProfile(
            user.id(),
            nameOf(user),
            user.email(),
            user.timeZone(),
            rolesOf(user),
            now,
            studies,
            null);
    return Changed.to(profile, profile.provisioned());
  }

  /** This profile with what the provider says now, told again; nothing when it says the same. */
  Changed<UserProfile> refreshedFrom(CurrentUser user, Studies studies) {
    if (displayName.equals(nameOf(user))
        && Objects.equals(email, user.email())
        && Objects.equals(timeZone, user.timeZone())
        && roles.equals(rolesOf(user))
        && Objects.equals(studies(), studies)) {
      return Changed.nothing(this);
    }
    UserProfile refreshed =
        new UserProfile(
            userId,
            nameOf(user),
            user.email(),
            user.timeZone(),
            rolesOf(user),
            firstSignInAt,
            studies,
            version);
    return Changed.to(refreshed, refreshed.provisioned());
  }

  /**
   * The profile of someone erased on request: nothing of them but their id, told as PersonErased at
   * the version it will have once written. A later sign-in provisions them anew, newer still.
   */
  Changed<UserProfile> erased(String reference, Instant now) {
    UserProfile tombstone = new UserProfile(userId, "", null, null, List.of(), now, null, version);
    return Changed.erasing(
        tombstone, new PersonErased(userId, version == null ? 0 : version + 1, reference));
  }

  /** The tombstone of someone erased who never signed in here. */
  static Changed<UserProfile> erasedUnknown(String userId, String reference, Instant now) {
    return new UserProfile(userId, "", null, null, List.of(), now, null, null)
        .erased(reference, now);
  }

  /** The fact of this state, at the version it will have once written. */
  private UserProfileProvisioned provisioned() {
    Studies said = studies();
    return new UserProfileProvisioned(
        userId,
        displayName,
        email,
        timeZone,
        roles,
        version == null ? 0 : version + 1,
        said.classYear(),
        said.major(),
        said.program());
  }

  private static String nameOf(CurrentUser user) {
    return user.name() != null && !user.name().isBlank() ? user.name() : user.subject();
  }

  private static List<String> rolesOf(CurrentUser user) {
    return user.roles().stream().map(Role::name).sorted().toList();
  }

  public String userId() {
    return userId;
  }

  String displayName() {
    return displayName;
  }

  @Nullable String email() {
    return email;
  }

  @Nullable String timeZone() {
    return timeZone;
  }

  List<String> roles() {
    return roles;
  }

  Instant firstSignInAt() {
    return firstSignInAt;
  }

  /** What the provider last said of their studies (nothing for a profile kept before it did). */
  Studies studies() {
    return studies == null ? Studies.NONE : studies;
  }

  @Nullable Long version() {
    return version;
  }
}
