package org.infointerview.support.security;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rule for header values, unchanged (every character assigned and none a control
 * character), answered without a regular expression for the common case: a value of printable ASCII
 * only, such as a bearer token, passes in one loop. Any other value goes to Spring Security's own
 * pattern. The firewall checks every header a filter reads, and the gateway and each service read
 * the kilobyte-long {@code Authorization} header several times per request.
 */
final class HeaderValues {

  static final Predicate<String> ALLOWED = HeaderValues::allowed;

  private HeaderValues() {}

  static boolean allowed(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value);
      }
    }
    return true;
  }
}
