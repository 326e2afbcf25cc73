package org.infointerview.contacts.export;

import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import org.infointerview.support.security.CurrentUser;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code GET /contacts/export}: contacts as a CSV file, for a spreadsheet. */
@RestController
@RequestMapping("/contacts")
@Validated
class ContactExportController {

  private final ContactExport export;

  ContactExportController(ContactExport export) {
    this.export = export;
  }

  /**
   * A CSV file: a student's own contacts, or with {@code scope=directory} (admins) every
   * institution contact.
   */
  @GetMapping(value = "/export", produces = "text/csv")
  @PreAuthorize("hasAnyRole('STUDENT', 'ADMIN')")
  ResponseEntity<StreamingResponseBody> export(
      CurrentUser caller,
      @RequestParam(defaultValue = "own")
          @Pattern(regexp = "own|directory", message = "must be own or directory")
          String scope) {
    Query query = export.scopeFor(caller, scope);
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts-" + scope + ".csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(out -> export.write(query, out));
  }
}
