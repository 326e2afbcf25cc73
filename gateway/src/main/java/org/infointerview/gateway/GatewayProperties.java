package org.infointerview.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies a regular expression for the addresses of proxies in front of the gateway
 *     whose {@code X-Forwarded-*} headers may be believed; empty trusts none
 * @param routeTimeout how long a route waits for its service to answer before the fallback does
 * @param connectTimeout how long a route waits for a connection to its service
 * @param connectionsPerService the most connections kept open to one service
 * @param redisUri a Redis every gateway instance shares ({@code redis://host:6379}, {@code
 *     rediss://user:password@host:6380/0}): rate-limit counts and browser sessions; empty keeps
 *     both in each instance's memory
 * @param rateLimit requests allowed per caller
 * @param webUi the web UI behind the gateway, if one is deployed
 * @param publicUrl the gateway's address as browsers reach it ({@code https://career.example.edu}):
 *     the start of every absolute address it builds, whatever {@code Host} a request names; empty:
 *     {@code http://localhost:<its port>}
 */
@ConfigurationProperties("infointerview.gateway")
public record GatewayProperties(
    @DefaultValue("") String trustedProxies,
    @DefaultValue("10s") Duration routeTimeout,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("200") int connectionsPerService,
    @DefaultValue("") String redisUri,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue WebUi webUi,
    @DefaultValue("") String publicUrl) {

  /**
   * @param uri where the web UI is served ({@code http://web-ui:8080}: scheme, host and port; the
   *     page's path is the one asked for); empty when none is deployed
   * @param contentSecurityPolicy the policy for its pages; empty for the gateway's default, which
   *     allows the page's own origin and sign-out at the identity provider
   * @param scriptHashes the hashes ({@code 'sha256-...'}, space-separated) of the inline scripts
   *     the UI's pages carry, its import map: the default policy runs those and the page origin's
   *     files, nothing else
   */
  public record WebUi(
      @DefaultValue("") String uri,
      @DefaultValue("") String contentSecurityPolicy,
      @DefaultValue("") String scriptHashes) {}

  /**
   * @param perUser requests a signed-in person may make per period
   * @param perAnonymousAddress requests an address without a token may make per period
   * @param answersPerAddress requests an address may make per period to the links of mail to people
   *     without an account (answer and unsubscribe links, the API paths open without sign-in),
   *     signed in or not
   * @param period the refill period
   * @param redisTimeout how long a count may wait for Redis before this instance counts alone
   * @param exportsPerUser exports of a person's whole data ({@code /api/me/export}: every service
   *     asked, an archive made) a person may ask for per {@code exportsPeriod}
   * @param exportsPeriod the refill period of exports
   */
  public record RateLimit(
      @DefaultValue("300") long perUser,
      @DefaultValue("60") long perAnonymousAddress,
      @DefaultValue("20") long answersPerAddress,
      @DefaultValue("1m") Duration period,
      @DefaultValue("500ms") Duration redisTimeout,
      @DefaultValue("10") long exportsPerUser,
      @DefaultValue("1h") Duration exportsPeriod) {}
}
