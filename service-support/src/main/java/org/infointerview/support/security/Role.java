package org.infointerview.support.security;

/** What a person may do on the platform; mapped from the identity provider's claims. */
public enum Role {
  STUDENT,
  ALUMNUS,
  ADVISOR,
  ADMIN;

  /** The Spring Security authority for this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
