package org.infointerview.support.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in caller, from a validated token. A person's identity is the issuer with the subject:
 * {@link #id()} is {@code issuer|subject}, stable across sessions and unique across identity
 * providers.
 *
 * @param id {@code issuer|subject}
 * @param issuer the token's issuer
 * @param subject the token's subject
 * @param name the display name, if the token carries one
 * @param email the email address, if the token carries one
 * @param emailVerified whether the identity provider vouches for that address ({@code
 *     email_verified})
 * @param roles the caller's roles
 * @param timeZone the IANA zone the token's {@code zoneinfo} claim gives, if any
 */
public record CurrentUser(
    String id,
    String issuer,
    String subject,
    @Nullable String name,
    @Nullable String email,
    boolean emailVerified,
    Set<Role> roles,
    @Nullable String timeZone) {

  public CurrentUser {
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The roles by name, as rules shared through the event contracts name them. */
  public Set<String> roleNames() {
    return roles.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
  }

  /** The identity of a subject at an issuer, as {@link #id()} spells it. */
  public static String idOf(String issuer, String subject) {
    return issuer + "|" + subject;
  }
}
