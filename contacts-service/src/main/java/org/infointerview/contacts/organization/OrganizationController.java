package org.infointerview.contacts.organization;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.infointerview.support.http.EntityTags;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
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
 * The organization directory: everyone signed in reads and searches it ({@code ?q=} matches the
 * start of words of the name or domain); admins add, correct (with the ETag read) and remove.
 */
@RestController
@RequestMapping("/organizations")
class OrganizationController {

  record OrganizationPage(List<OrganizationResponse> items, int page, int size, boolean hasMore) {}

  private final OrganizationService organizations;

  OrganizationController(OrganizationService organizations) {
    this.organizations = organizations;
  }

  @GetMapping
  OrganizationPage find(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String industry,
      @RequestParam(required = false) @Nullable String country,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || page > 10_000) {
      throw new InvalidFieldException("page", "must be from 0 to 10000");
    }
    if (size < 1 || size > 100) {
      throw new InvalidFieldException("size", "must be from 1 to 100");
    }
    for (String[] text : new String[][] {{"q", q}, {"industry", industry}, {"country", country}}) {
      if (text[1] != null && text[1].length() > 100) {
        throw new InvalidFieldException(text[0], "must be at most 100 characters");
      }
    }
    OrganizationService.Page found = organizations.find(q, industry, country, page, size);
    return new OrganizationPage(
        found.items().stream().map(OrganizationResponse::of).toList(),
        found.page(),
        found.size(),
        found.hasMore());
  }

  @GetMapping("/{id}")
  ResponseEntity<OrganizationResponse> get(@PathVariable String id) {
    return response(organizations.get(id));
  }

  @PostMapping
  @ApiResponse(responseCode = "201", description = "Added; Location is its address")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<OrganizationResponse> add(
      CurrentUser admin, @RequestBody OrganizationRequest request) {
    Organization added = organizations.add(admin, request);
    return ResponseEntity.created(URI.create("/organizations/" + added.id()))
        .eTag(EntityTags.of(Objects.requireNonNullElse(added.version(), 0L)))
        .body(OrganizationResponse.of(added));
  }

  @PutMapping("/{id}")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<OrganizationResponse> replace(
      CurrentUser admin,
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @RequestBody OrganizationRequest request) {
    return response(organizations.replace(admin, id, EntityTags.required(ifMatch), request));
  }

  @DeleteMapping("/{id}")
  @ApiResponse(responseCode = "204", description = "Removed")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<Void> remove(CurrentUser admin, @PathVariable String id) {
    organizations.remove(admin, id);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<OrganizationResponse> response(Organization organization) {
    return ResponseEntity.ok()
        .eTag(EntityTags.of(Objects.requireNonNullElse(organization.version(), 0L)))
        .body(OrganizationResponse.of(organization));
  }
}
