package org.infointerview.contacts.alumnisync;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.infointerview.contacts.alumniapi.AlumniDirectoryConnection.Authentication;
import org.infointerview.contacts.alumniapi.AlumniDirectoryConnection.Pagination;
import org.infointerview.contacts.imports.ImportJob;
import org.infointerview.contacts.imports.ImportResponse;
import org.infointerview.support.http.EntityTags;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alumni database sync, for admins: where the alumni API is and when to read it ({@code PUT
 * /alumni-sync}, with the ETag read when replacing), and a run now ({@code POST
 * /alumni-sync/runs}), followed like any import at {@code /imports/{id}}.
 */
@RestController
@RequestMapping("/alumni-sync")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class AlumniSyncController {

  static final String DEFAULT_PROFILE = "alumni-db-api";

  /**
   * @param baseUrl the API's list endpoint; https, at a public address unless the installation
   *     allows private ones
   * @param pagination CURSOR (default) or PAGE
   * @param pageSize records per page, 1 to 1000 (default 200)
   * @param apiKeyHeader the header for the API key (default {@code X-API-Key}); the key itself
   *     comes from the environment ({@code ALUMNI_API_KEY})
   * @param profile the mapping profile naming the API's fields (default {@code alumni-db-api})
   * @param schedule six-field cron, such as {@code 0 0 2 * * *} for 2 a.m. daily
   * @param zone the schedule's time zone (default UTC)
   * @param enabled whether the schedule starts runs
   */
  record SettingsRequest(
      @NotBlank @Size(max = 2000) String baseUrl,
      @Nullable Pagination pagination,
      @Nullable @Min(1) @Max(1000) Integer pageSize,
      @NotNull Authentication authentication,
      @Nullable @Size(max = 100) String apiKeyHeader,
      @Nullable @Size(max = 2000) String tokenUrl,
      @Nullable @Size(max = 200) String clientId,
      @Nullable @Size(max = 500) String scope,
      @Nullable @Size(max = 100) String profile,
      @Nullable @Size(max = 120) String schedule,
      @Nullable @Size(max = 64) String zone,
      @Nullable Boolean enabled) {

    AlumniSyncSetup setup() {
      return new AlumniSyncSetup(
          baseUrl.strip(),
          Objects.requireNonNullElse(pagination, Pagination.CURSOR),
          Objects.requireNonNullElse(pageSize, 200),
          authentication,
          blankToNull(apiKeyHeader) == null ? "X-API-Key" : apiKeyHeader.strip(),
          blankToNull(tokenUrl),
          blankToNull(clientId),
          blankToNull(scope),
          blankToNull(profile) == null ? DEFAULT_PROFILE : profile.strip(),
          blankToNull(schedule),
          blankToNull(zone) == null ? "UTC" : zone.strip(),
          Boolean.TRUE.equals(enabled));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  /**
   * @param secretConfigured whether the key or client secret the authentication needs is set in the
   *     environment
   * @param watermark the latest change the last completed run saw
   * @param nextScheduledRun when the schedule starts the next run, if it is enabled
   */
  record SettingsResponse(
      @JsonUnwrapped AlumniSyncSetup setup,
      boolean secretConfigured,
      @Nullable Instant watermark,
      @Nullable String lastRunId,
      @Nullable Instant nextScheduledRun,
      String updatedBy,
      Instant updatedAt) {}

  private final AlumniSyncService sync;
  private final AlumniSyncProperties properties;
  private final Clock clock;
  private final String apiPath;

  AlumniSyncController(
      AlumniSyncService sync,
      AlumniSyncProperties properties,
      Clock clock,
      @Value("${infointerview.api.public-path:}") String apiPath) {
    this.apiPath = apiPath;
    this.sync = sync;
    this.properties = properties;
    this.clock = clock;
  }

  @GetMapping
  ResponseEntity<SettingsResponse> settings() {
    AlumniSyncSettings settings = sync.settings();
    if (settings == null) {
      throw new NotFoundException(
          "The alumni sync is not set up yet; PUT /alumni-sync to set it up.");
    }
    return response(settings);
  }

  @PutMapping
  ResponseEntity<SettingsResponse> save(
      CurrentUser admin,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody SettingsRequest request) {
    return response(sync.save(admin, ifMatch, request.setup()));
  }

  /**
   * Starts a run now: the changes since the last completed run, or every record with {@code
   * full=true}. 409 while another run is going on.
   */
  @PostMapping("/runs")
  @ApiResponse(responseCode = "202", description = "Started; Location is the run's import")
  ResponseEntity<ImportResponse> run(
      CurrentUser admin, @RequestParam(defaultValue = "false") boolean full) {
    ImportJob job = sync.start(admin, full);
    return ResponseEntity.accepted()
        .location(URI.create("/imports/" + job.id()))
        .body(ImportResponse.of(job, clock.instant(), apiPath));
  }

  private ResponseEntity<SettingsResponse> response(AlumniSyncSettings s) {
    AlumniSyncSetup setup = s.setup();
    boolean secret =
        switch (setup.authentication()) {
          case NONE -> true;
          case API_KEY -> properties.hasApiKey();
          case CLIENT_CREDENTIALS -> properties.hasClientSecret();
        };
    ZonedDateTime due = setup.enabled() ? s.nextScheduledRun() : null;
    Instant next = due == null ? null : due.toInstant();
    return ResponseEntity.ok()
        .eTag(EntityTags.of(Objects.requireNonNullElse(s.version(), 0L)))
        .body(
            new SettingsResponse(
                setup, secret, s.watermark(), s.lastRunId(), next, s.updatedBy(), s.updatedAt()));
  }
}
