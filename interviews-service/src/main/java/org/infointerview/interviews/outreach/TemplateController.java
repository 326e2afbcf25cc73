package org.infointerview.interviews.outreach;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.infointerview.support.http.EntityTags;
import org.infointerview.support.problem.NotFoundException;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The career center's request and thank-you templates. Students list and read the ones offered (to
 * start a draft from); advisors and admins also see retired ones, write, change and retire them
 * ({@code If-Match} with the ETag read; audited) and preview one filled with a sample person, with
 * what a counselor would say of it.
 */
@RestController
@RequestMapping("/templates")
@Validated
class TemplateController {

  /**
   * A template as it is read, with what a counselor would say of it filled with the sample.
   *
   * @param warnings of the template filled with the sample person
   */
  record TemplateResponse(
      String id,
      TemplateKind kind,
      String name,
      String body,
      boolean retired,
      List<Warning> warnings,
      String updatedBy,
      Instant updatedAt,
      long version) {

    static TemplateResponse of(MessageTemplate t) {
      return new TemplateResponse(
          t.id(),
          t.kind(),
          t.name(),
          t.body(),
          t.retired(),
          MessageTemplates.checks(t.kind(), MergeFields.fill(t.body(), SAMPLE)),
          t.updatedBy(),
          t.updatedAt(),
          t.currentVersion());
    }
  }

  record PreviewRequest(@NotNull TemplateKind kind, @NotBlank @Size(max = 4000) String body) {}

  /**
   * A template filled with the sample person.
   *
   * @param unknownFields fields it names that do not exist (saving it is refused until none)
   */
  record PreviewResponse(String text, List<Warning> warnings, List<String> unknownFields) {}

  /** A merge field and what it stands for. */
  record FieldResponse(String name, String meaning, String sample) {}

  /** The person and student every preview is filled with. */
  static final Map<String, @Nullable String> SAMPLE =
      OutreachTemplate.values(
          "Jordan Rivera",
          "Northwind Health",
          "Sam Student",
          "State University",
          "Statistics",
          "Health Science",
          OutreachTemplate.Source.ALUMNI_DATABASE,
          null);

  private final MessageTemplates templates;

  TemplateController(MessageTemplates templates) {
    this.templates = templates;
  }

  /** The ones offered, of a kind or all; staff may ask for retired ones too. */
  @GetMapping
  @PreAuthorize("hasAnyRole('STUDENT', 'ADVISOR', 'ADMIN')")
  List<TemplateResponse> list(
      CurrentUser reader,
      @RequestParam(required = false) @Nullable TemplateKind kind,
      @RequestParam(defaultValue = "false") boolean withRetired) {
    return templates.all(kind, withRetired && staff(reader)).stream()
        .map(TemplateResponse::of)
        .toList();
  }

  /** The merge fields, what they stand for and the sample's values. */
  @GetMapping("/fields")
  @PreAuthorize("hasAnyRole('STUDENT', 'ADVISOR', 'ADMIN')")
  List<FieldResponse> fields() {
    return MergeFields.names().stream()
        .map(n -> new FieldResponse(n, MergeFields.FIELDS.get(n), SAMPLE.get(n)))
        .toList();
  }

  @GetMapping("/{id}")
  @PreAuthorize("hasAnyRole('STUDENT', 'ADVISOR', 'ADMIN')")
  ResponseEntity<TemplateResponse> one(CurrentUser reader, @PathVariable String id) {
    MessageTemplate template = templates.one(id);
    if (template.retired() && !staff(reader)) {
      throw new NotFoundException("Template", id);
    }
    return tagged(ResponseEntity.ok(), template);
  }

  @PostMapping
  @PreAuthorize("hasAnyRole('ADVISOR', 'ADMIN')")
  ResponseEntity<TemplateResponse> add(
      CurrentUser staff, @Valid @RequestBody TemplateRequest request) {
    MessageTemplate added = templates.add(staff, request);
    return tagged(ResponseEntity.created(URI.create("/templates/" + added.id())), added);
  }

  /** Changes or retires a template; {@code If-Match} must carry the ETag read. */
  @PutMapping("/{id}")
  @PreAuthorize("hasAnyRole('ADVISOR', 'ADMIN')")
  ResponseEntity<TemplateResponse> change(
      CurrentUser staff,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @Valid @RequestBody TemplateRequest request) {
    long read = EntityTags.required(ifMatch);
    return tagged(ResponseEntity.ok(), templates.change(staff, id, read, request));
  }

  /** A template as a student would get it for the sample person; nothing is stored. */
  @PostMapping("/preview")
  @PreAuthorize("hasAnyRole('ADVISOR', 'ADMIN')")
  PreviewResponse preview(@Valid @RequestBody PreviewRequest request) {
    String text = MergeFields.fill(request.body(), SAMPLE);
    return new PreviewResponse(
        text, MessageTemplates.checks(request.kind(), text), MergeFields.unknown(request.body()));
  }

  private static boolean staff(CurrentUser reader) {
    return reader.has(Role.ADVISOR) || reader.has(Role.ADMIN);
  }

  private static ResponseEntity<TemplateResponse> tagged(
      ResponseEntity.BodyBuilder response, MessageTemplate template) {
    return response
        .eTag(EntityTags.of(template.currentVersion()))
        .body(TemplateResponse.of(template));
  }
}
