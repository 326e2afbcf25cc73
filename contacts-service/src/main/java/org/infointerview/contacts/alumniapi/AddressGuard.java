package org.infointerview.contacts.alumniapi;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the alumni API's admin-configured address from reaching inside our network (server-side
 * request forgery): only http(s) URLs without user info, whose host resolves to public addresses
 * only; loopback, private, link-local (cloud metadata), carrier-grade NAT, unique-local, multicast
 * and unspecified addresses are refused. An installation whose alumni database is inside its
 * network may allow loopback, private, unique-local and carrier-grade NAT addresses; link-local,
 * cloud metadata, unspecified, multicast and reserved ones stay refused whatever it says. Checked
 * on the resolved addresses when the URL is saved and again before every request.
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
    for (InetAddress address : addresses) {
      String kind = internalKind(address);
      if (kind != null && !(policy.allowPrivateAddresses() && PRIVATE_KINDS.contains(kind))) {
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

  /**
   * The kinds an installation may open for an alumni database inside its own network ({@code
   * ALUMNI_API_ALLOW_PRIVATE_ADDRESSES}). Never link-local (where clouds serve instance metadata
   * and credentials), cloud metadata, unspecified, multicast or reserved addresses, whatever it
   * says.
   */
  private static final Set<String> PRIVATE_KINDS =
      Set.of("loopback", "private", "unique-local", "carrier-grade NAT", "benchmarking");

  /** Instance metadata services outside the link-local range (AWS over IPv6, Alibaba Cloud). */
  private static final Set<String> METADATA = Set.of("fd00:ec2:0:0:0:0:0:254", "100.100.100.200");

  /** What kind of internal address this is, or null for a public one. */
  static @Nullable String internalKind(InetAddress address) {
    if (METADATA.contains(address.getHostAddress())) {
      return "cloud metadata";
    }
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      byte[] embedded = embeddedV4(b);
      if (embedded != null) {
        try {
          return internalKind(InetAddress.getByAddress(embedded));
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

  /**
   * The IPv4 address an IPv6 address carries and reaches: IPv4-mapped ({@code ::ffff:a.b.c.d}),
   * IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::a.b.c.d}) or 6to4 ({@code
   * 2002:aabb:ccdd::}); null for any other.
   */
  private static byte @Nullable [] embeddedV4(byte[] b) {
    boolean zeros = true;
    for (int i = 0; i < 10; i++) {
      zeros &= b[i] == 0;
    }
    boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeros && b[10] == 0 && b[11] == 0 && (b[12] | b[13] | b[14]) != 0;
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = b[i] == 0;
    }
    if (mapped || compatible || nat64) {
      return Arrays.copyOfRange(b, 12, 16);
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return Arrays.copyOfRange(b, 2, 6);
    }
    return null;
  }
}
