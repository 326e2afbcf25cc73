package org.infointerview.contacts.careerfield;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.infointerview.contacts.careerfield.CareerFieldCatalog.Kind;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Everyone signed in reads the taxonomy; only admins change it. */
@RestController
@RequestMapping("/career-fields")
class CareerFieldController {

  record CareerFieldResponse(String code, String name, Kind kind, boolean retired) {
    static CareerFieldResponse of(CareerField field) {
      return new CareerFieldResponse(field.code(), field.name(), field.kind(), field.retired());
    }
  }

  record AddCareerFieldRequest(
      @NotBlank
          @Pattern(
              regexp = "[A-Z][A-Z0-9_]{1,63}",
              message = "must be upper case letters, digits and _, such as DATA_SCIENCE")
          String code,
      @NotBlank @Size(max = 100) String name,
      @NotNull Kind kind) {}

  /**
   * @param retired whether the value is retired (kept on contacts, no longer offered); false when
   *     left out
   */
  record ChangeCareerFieldRequest(
      @NotBlank @Size(max = 100) String name, @Nullable Boolean retired) {}

  private final CareerFieldCatalog catalog;

  CareerFieldController(CareerFieldCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping
  List<CareerFieldResponse> all() {
    return catalog.all().stream().map(CareerFieldResponse::of).toList();
  }

  @PostMapping
  @ApiResponse(responseCode = "201", description = "Added; Location is its address")
  @PreAuthorize("hasRole('ADMIN')")
  ResponseEntity<CareerFieldResponse> add(@Valid @RequestBody AddCareerFieldRequest request) {
    CareerField field = catalog.add(request.code(), request.name().strip(), request.kind());
    return ResponseEntity.created(URI.create("/career-fields/" + field.code()))
        .body(CareerFieldResponse.of(field));
  }

  @PutMapping("/{code}")
  @PreAuthorize("hasRole('ADMIN')")
  CareerFieldResponse change(
      @PathVariable String code, @Valid @RequestBody ChangeCareerFieldRequest request) {
    return CareerFieldResponse.of(
        catalog.rename(code, request.name().strip(), Boolean.TRUE.equals(request.retired())));
  }
}
