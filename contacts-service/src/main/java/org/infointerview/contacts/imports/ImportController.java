package org.infointerview.contacts.imports;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.infointerview.contacts.contact.ContactSource;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Alumni and directory imports, for admins. Upload a CSV file as the request body ({@code
 * Content-Type: text/csv}) or as the {@code file} part of a form; {@code dryRun=true} answers with
 * the first rows as they would be stored and every problem, and stores nothing.
 */
@RestController
@RequestMapping("/imports")
@PreAuthorize("hasRole('ADMIN')")
@Validated
class ImportController {

  record MappingProfileRequest(
      @Size(max = 500) @Nullable String description,
      @NotNull ContactSource source,
      @NotNull @Size(min = 1, max = 100) List<@Valid @NotNull Column> columns,
      @Size(max = 30) @Nullable List<@NotBlank String> clearWhenEmpty) {

    record Column(
        @NotBlank @Size(max = 100) String header, @NotBlank @Size(max = 40) String target) {}
  }

  private final ImportService imports;
  private final MappingProfiles profiles;
  private final Clock clock;
  private final String apiPath;

  ImportController(
      ImportService imports,
      MappingProfiles profiles,
      Clock clock,
      @Value("${infointerview.api.public-path:}") String apiPath) {
    this.apiPath = apiPath;
    this.imports = imports;
    this.profiles = profiles;
    this.clock = clock;
  }

  @PostMapping
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      description =
          "The file as the alumni database exported it: UTF-8 or Windows-1252, comma, semicolon"
              + " or tab separated, a header row",
      content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
        @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = ImportForm.class))
      })
  @ApiResponse(responseCode = "202", description = "Started; Location is the import's status")
  @ApiResponse(
      responseCode = "200",
      description = "With dryRun=true: what the import would do; nothing is stored")
  ResponseEntity<?> upload(
      CurrentUser admin,
      @RequestParam @NotBlank @Size(max = 100) String profile,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(required = false) @Size(max = 200) @Nullable String fileName,
      HttpServletRequest request)
      throws IOException, HttpMediaTypeNotSupportedException {
    return receive(admin, profile, dryRun, fileName, ImportFiles.body(request));
  }

  /** The form {@link #uploadForm} reads, as the API document shows it. */
  @Schema(name = "ImportForm")
  record ImportForm(@Schema(type = "string", format = "binary") String file) {}

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Hidden
  ResponseEntity<?> uploadForm(
      CurrentUser admin,
      @RequestParam @NotBlank @Size(max = 100) String profile,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestPart("file") MultipartFile file)
      throws IOException {
    return receive(admin, profile, dryRun, file.getOriginalFilename(), file.getInputStream());
  }

  private ResponseEntity<?> receive(
      CurrentUser admin,
      String profile,
      boolean dryRun,
      @Nullable String fileName,
      InputStream body)
      throws IOException {
    if (dryRun) {
      return ResponseEntity.ok(
          ImportPreviewResponse.of(imports.dryRun(ImportScope.directory(), profile, body)));
    }
    ImportJob job =
        imports.start(admin, ImportScope.directory(), profile, ImportFiles.name(fileName), body);
    return ResponseEntity.accepted()
        .location(URI.create("/imports/" + job.id()))
        .body(ImportResponse.of(job, clock.instant(), apiPath));
  }

  @GetMapping
  List<ImportResponse> recent() {
    Instant now = clock.instant();
    return imports.recent(ImportScope.directory(), 50).stream()
        .map(j -> ImportResponse.of(j, now, apiPath))
        .toList();
  }

  @GetMapping("/{id}")
  ImportResponse status(@PathVariable String id) {
    return ImportResponse.of(imports.job(ImportScope.directory(), id), clock.instant(), apiPath);
  }

  @PostMapping("/{id}/cancel")
  @ApiResponse(responseCode = "202", description = "Cancelling; the import stops between batches")
  ResponseEntity<ImportResponse> cancel(@PathVariable String id) {
    return ResponseEntity.accepted()
        .body(
            ImportResponse.of(
                imports.cancel(ImportScope.directory(), id), clock.instant(), apiPath));
  }

  @PostMapping("/{id}/undo")
  @ApiResponse(responseCode = "202", description = "Undoing; follow the import's status")
  ResponseEntity<ImportResponse> undo(CurrentUser admin, @PathVariable String id) {
    return ResponseEntity.accepted()
        .body(
            ImportResponse.of(
                imports.undo(admin, ImportScope.directory(), id), clock.instant(), apiPath));
  }

  /** The problems as a CSV file: row, column, value, reason. */
  @GetMapping(value = "/{id}/errors", produces = "text/csv")
  ResponseEntity<StreamingResponseBody> errors(@PathVariable String id) {
    return ImportFiles.errorReport(id, imports.problems(ImportScope.directory(), id));
  }

  @GetMapping("/profiles")
  List<MappingProfileResponse> profiles() {
    return profiles.all().stream().map(MappingProfileResponse::of).toList();
  }

  @PutMapping("/profiles/{name}")
  MappingProfileResponse saveProfile(
      @PathVariable
          @Pattern(
              regexp = "[a-z0-9][a-z0-9-]{0,62}",
              message = "must be lower case letters, digits and -")
          String name,
      @Valid @RequestBody MappingProfileRequest request) {
    return MappingProfileResponse.of(
        profiles.save(
            name,
            request.description() == null ? "" : request.description(),
            request.source(),
            request.columns().stream()
                .map(c -> new MappingProfile.ColumnMapping(c.header().strip(), c.target().strip()))
                .toList(),
            request.clearWhenEmpty() == null ? List.of() : request.clearWhenEmpty()));
  }

  @ExceptionHandler(ImportRefused.class)
  ResponseEntity<ProblemDetail> refused(ImportRefused e) {
    return ImportFiles.refused(e);
  }
}
