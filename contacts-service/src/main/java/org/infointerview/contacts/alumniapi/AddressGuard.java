package org.infointerview.contacts.alumniapi;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the alumni API's admin-configured address from reaching inside our network (server-side
 * request forgery): only http(s) URLs without user info, whose host resolves to public addresses
 * only; loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local, multicast
 * and unspecified addresses are refused unless explicitly allowed. Checked on the resolved
 * addresses when the URL is saved and again before every request.
 */
public final class AddressGuard {

  /**
   * @param allowPrivateAddresses whether loopback and private addresses may be called (an alumni
   *     database inside the campus network, or a test)
   * @param allowPlainHttp whether {@code http://} may be used (otherwise only {@code https://})
   */
  public record Policy(boolean allowPrivateAddresses, boolean allowPlainHttp) {}

  private AddressGuard() {}

  /** Why this URL may not be called, or null when it may. */
  public static @Nullable String refusal(URI url, Policy policy) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && policy.allowPlainHttp())) {
      return policy.allowPlainHttp()
          ? "must be an http or https URL"
          : "must be an https URL (plain http is not allowed)";
    }
    if (url.getRawUserInfo() != null) {
      return "must not contain a user name or password";
    }
    String host = url.getHost();
    if (host == null || host.isBlank()) {
      return "must name a host";
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(host);
    } catch (UnknownHostException e) {
      return "its host '" + host + "' does not resolve";
    }
    if (policy.allowPrivateAddresses()) {
      return null;
    }
    for (InetAddress address : addresses) {
      String kind = internalKind(address);
      if (kind != null) {
        return "its host '"
            + host
            + "' resolves to a "
            + kind
            + " address ("
            + address.getHostAddress()
            + "), which is not allowed";
      }
    }
    return null;
  }

  /** What kind of internal address this is, or null for a public one. */
  static @Nullable String internalKind(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      if (isV4Mapped(b)) {
        try {
          return internalKind(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
        } catch (UnknownHostException e) {
          return "malformed";
        }
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local";
      }
    }
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (address instanceof Inet4Address) {
      byte[] b = address.getAddress();
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "unspecified";
      }
      if (first == 100 && second >= 64 && second <= 127) {
        return "carrier-grade NAT";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "benchmarking";
      }
      if (first >= 240) {
        return "reserved";
      }
    }
    return null;
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
  }
}
