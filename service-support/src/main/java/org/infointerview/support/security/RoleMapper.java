package org.infointerview.support.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads our roles from whichever configured claims a token carries. */
public class RoleMapper {

  private final SecurityProperties properties;

  public RoleMapper(SecurityProperties properties) {
    this.properties = properties;
  }

  public Set<Role> roles(Map<String, Object> claims) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Map<String, Role> values = properties.effectiveRoleValues();
    for (String path : properties.roleClaims()) {
      Object value = at(claims, path);
      if (value instanceof Collection<?> many) {
        many.forEach(v -> add(roles, values, v));
      } else if (value instanceof String one) {
        for (String part : one.split("[ ,]")) {
          add(roles, values, part);
        }
      }
    }
    return roles;
  }

  private static void add(Set<Role> roles, Map<String, Role> values, @Nullable Object value) {
    if (value == null) {
      return;
    }
    String normalized = value.toString().trim().toLowerCase(Locale.ROOT);
    int at = normalized.indexOf('@');
    if (at > 0) {
      normalized = normalized.substring(0, at);
    }
    if (normalized.startsWith("role_")) {
      normalized = normalized.substring("role_".length());
    }
    Role role = values.get(normalized);
    if (role != null) {
      roles.add(role);
    }
  }

  private static @Nullable Object at(Map<String, Object> claims, String path) {
    Object current = claims;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }
}
