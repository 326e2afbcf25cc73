package org.infointerview.contacts.alumniapi;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Where the alumni API is and how to talk to it.
 *
 * @param baseUrl the list endpoint, e.g. {@code https://alumni.example.edu/api/v1/alumni}
 * @param pageSize records asked for per page
 * @param apiKeyHeader the header that carries the API key
 * @param tokenUrl the OAuth2 token endpoint, for client credentials
 * @param scope the OAuth2 scope to ask for, if the API needs one
 * @param idField the member of each record that holds the alumni id ({@code id} by default; the
 *     mapping profile's column for the alumni id)
 */
public record AlumniDirectoryConnection(
    URI baseUrl,
    Pagination pagination,
    int pageSize,
    Authentication authentication,
    String apiKeyHeader,
    @Nullable String apiKey,
    @Nullable URI tokenUrl,
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable String scope,
    String idField,
    Behaviour behaviour) {

  /** How the API pages: an opaque cursor, or page numbers from 0. */
  public enum Pagination {
    /** {@code ?cursor=...&limit=N}, answered with {@code nextCursor} (null on the last page). */
    CURSOR,
    /** {@code ?page=0&size=N}, answered with {@code totalPages} or {@code last}. */
    PAGE
  }

  /** How we prove who we are. */
  public enum Authentication {
    NONE,
    /** A static key in a header. */
    API_KEY,
    /** An OAuth2 access token from the client credentials grant, renewed when it runs out. */
    CLIENT_CREDENTIALS
  }

  /**
   * Timeouts, retries and the address rules.
   *
   * @param readTimeout the longest we wait for an answer before trying again
   * @param maxAttempts tries per page (first try included)
   * @param initialBackoff the wait before the first retry; doubled for each further one
   * @param maxWait the longest we wait between tries, a 429's Retry-After included (a longer
   *     Retry-After ends the run)
   */
  public record Behaviour(
      Duration connectTimeout,
      Duration readTimeout,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxWait,
      AddressGuard.Policy addresses) {}
}
