package org.infointerview.support.personal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.security.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /me/export}: everything this service holds about the signed-in person, as a ZIP
 * archive: each feature's files ({@link PersonalData}), the audit entries about the person, and
 * last a manifest that says the archive is complete. The person is the caller and nobody else:
 * there is no parameter that names another. The export itself is audited.
 */
@RestController
class PersonalExportController {

  /** The most audit entries about a person an export holds, newest first. */
  static final int MOST_AUDIT_ENTRIES = 10_000;

  private final List<PersonalData> parts;
  private final AuditLog audit;
  private final ObjectWriter json;
  private final String service;
  private final Clock clock;

  PersonalExportController(
      List<PersonalData> parts, AuditLog audit, JsonMapper mapper, String service, Clock clock) {
    this.parts = parts;
    this.audit = audit;
    this.json = mapper.writerWithDefaultPrettyPrinter();
    this.service = service;
    this.clock = clock;
  }

  @GetMapping(value = "/me/export", produces = "application/zip")
  @PreAuthorize("isAuthenticated()")
  ResponseEntity<StreamingResponseBody> export(CurrentUser person) {
    audit.record(
        person,
        "PERSONAL_DATA_EXPORTED",
        "Person",
        person.id(),
        person.id(),
        "the person's own export");
    Instant at = clock.instant();
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(service + "-export.zip").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(MediaType.parseMediaType("application/zip"))
        .body(
            out -> {
              PersonalArchive archive = new PersonalArchive(out, json);
              for (PersonalData part : parts) {
                part.export(person, archive);
              }
              archive.json("audit-about-you.json", audit.about(person.id(), MOST_AUDIT_ENTRIES));
              archive.json(
                  "manifest.json", new Manifest(service, person.id(), at, archive.names(), true));
              archive.finish();
            });
  }

  /**
   * The archive's last file: whose it is, from which service, when, its other files; {@code
   * complete} is written only after everything else was.
   */
  record Manifest(
      String service, String personId, Instant exportedAt, List<String> files, boolean complete) {}
}
