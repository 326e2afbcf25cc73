package org.infointerview.contacts.imports;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A student's own contacts from their own files: LinkedIn's {@code Connections.csv}, a Google
 * Contacts or Outlook export. The same pipeline as the directory's imports (encoding, delimiter and
 * header found, a dry run, progress, an error report, cancel, undo), but every contact is the
 * student's PERSONAL one, matched only against their own, and seen by nobody else; their jobs are
 * theirs alone. Without {@code profile}, the profile whose columns the file has is taken. Limits
 * per student: rows per file ({@code infointerview.imports.personal-max-rows}), bytes per upload
 * ({@code PERSONAL_IMPORT_MAX_UPLOAD_SIZE}) and imports under way at once.
 */
@RestController
@RequestMapping("/me/imports")
@PreAuthorize("hasRole('STUDENT')")
@Validated
class PersonalImportController {

  private final ImportService imports;
  private final MappingProfiles profiles;
  private final Clock clock;
  private final String apiPath;

  PersonalImportController(
      ImportService imports,
      MappingProfiles profiles,
      Clock clock,
      @Value("${infointerview.api.public-path:}") String apiPath) {
    this.imports = imports;
    this.profiles = profiles;
    this.clock = clock;
    this.apiPath = apiPath;
  }

  @PostMapping
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      description =
          "The file as LinkedIn, Google Contacts or Outlook exported it (CSV; UTF-8 or"
              + " Windows-1252; notes above the header are skipped)",
      content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
        @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = ImportController.ImportForm.class))
      })
  @ApiResponse(responseCode = "202", description = "Started; Location is the import's status")
  @ApiResponse(
      responseCode = "200",
      description = "With dryRun=true: what the import would do; nothing is stored")
  @ApiResponse(responseCode = "409", description = "Another of your imports is under way")
  ResponseEntity<?> upload(
      CurrentUser student,
      @RequestParam(required = false) @Size(max = 100) @Nullable String profile,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(required = false) @Size(max = 200) @Nullable String fileName,
      HttpServletRequest request)
      throws IOException, HttpMediaTypeNotSupportedException {
    return receive(student, profile, dryRun, fileName, ImportFiles.body(request));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Hidden
  ResponseEntity<?> uploadForm(
      CurrentUser student,
      @RequestParam(required = false) @Size(max = 100) @Nullable String profile,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestPart("file") MultipartFile file)
      throws IOException {
    return receive(student, profile, dryRun, file.getOriginalFilename(), file.getInputStream());
  }

  private ResponseEntity<?> receive(
      CurrentUser student,
      @Nullable String profile,
      boolean dryRun,
      @Nullable String fileName,
      InputStream body)
      throws IOException {
    String named = profile == null || profile.isBlank() ? null : profile.strip();
    ImportScope mine = ImportScope.ownedBy(student);
    if (dryRun) {
      return ResponseEntity.ok(ImportPreviewResponse.of(imports.dryRun(mine, named, body)));
    }
    ImportJob job = imports.start(student, mine, named, ImportFiles.name(fileName), body);
    return ResponseEntity.accepted()
        .location(URI.create("/me/imports/" + job.id()))
        .body(ImportResponse.of(job, clock.instant(), apiPath));
  }

  @GetMapping
  List<ImportResponse> recent(CurrentUser student) {
    Instant now = clock.instant();
    return imports.recent(ImportScope.ownedBy(student), 50).stream()
        .map(j -> ImportResponse.of(j, now, apiPath))
        .toList();
  }

  @GetMapping("/{id}")
  ImportResponse status(CurrentUser student, @PathVariable String id) {
    return ImportResponse.of(
        imports.job(ImportScope.ownedBy(student), id), clock.instant(), apiPath);
  }

  @PostMapping("/{id}/cancel")
  @ApiResponse(responseCode = "202", description = "Cancelling; the import stops between batches")
  ResponseEntity<ImportResponse> cancel(CurrentUser student, @PathVariable String id) {
    ImportJob job = imports.cancel(ImportScope.ownedBy(student), id);
    return ResponseEntity.accepted().body(ImportResponse.of(job, clock.instant(), apiPath));
  }

  @PostMapping("/{id}/undo")
  @ApiResponse(
      responseCode = "202",
      description = "Undoing: the contacts it added go, the ones it changed get their details back")
  ResponseEntity<ImportResponse> undo(CurrentUser student, @PathVariable String id) {
    ImportJob job = imports.undo(student, ImportScope.ownedBy(student), id);
    return ResponseEntity.accepted().body(ImportResponse.of(job, clock.instant(), apiPath));
  }

  /** The rows that were not imported, and why: row, column, value, reason. */
  @GetMapping(value = "/{id}/errors", produces = "text/csv")
  ResponseEntity<StreamingResponseBody> errors(CurrentUser student, @PathVariable String id) {
    return ImportFiles.errorReport(id, imports.problems(ImportScope.ownedBy(student), id));
  }

  /** The kinds of file a student can bring: LinkedIn, Google Contacts, Outlook. */
  @GetMapping("/profiles")
  List<MappingProfileResponse> profiles() {
    return profiles.personal().stream().map(MappingProfileResponse::of).toList();
  }

  @ExceptionHandler(ImportRefused.class)
  ResponseEntity<ProblemDetail> refused(ImportRefused e) {
    return ImportFiles.refused(e);
  }
}
