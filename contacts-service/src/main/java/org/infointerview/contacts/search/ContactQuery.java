package org.infointerview.contacts.search;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.infointerview.contacts.contact.ContactSource;
import org.jspecify.annotations.Nullable;

/**
 * The search parameters of {@code GET /contacts}, each typed and bounded: no value ever becomes a
 * query operator (free text and names are folded to tokens and matched as quoted prefixes; codes
 * match a pattern), and a parameter that is not listed here is refused.
 *
 * @param q free text over names, organization and job title; every word must match the start of one
 *     of them
 * @param scope {@code all} (own contacts and opted-in people) or {@code own}
 */
record ContactQuery(
    @Size(max = 100) @Nullable String q,
    @Size(max = 10)
        @Nullable List<@Pattern(regexp = CODE, message = "must be a career field code") String>
            careerField,
    @Pattern(regexp = CODE, message = "must be an industry code") @Nullable String industry,
    @Size(max = 200) @Nullable String organization,
    @Size(max = 100) @Nullable String title,
    @Min(1900) @Max(2100) @Nullable Integer graduatedFrom,
    @Min(1900) @Max(2100) @Nullable Integer graduatedTo,
    @Size(max = 100) @Nullable String major,
    @Size(max = 100) @Nullable String city,
    @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 two-letter country code")
        @Nullable String country,
    @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_+/-]+", message = "must be an IANA time zone")
        @Nullable String timeZone,
    @Nullable ContactSource source,
    @Nullable Boolean optedIn,
    @Pattern(regexp = "all|own", message = "must be all or own") @Nullable String scope,
    @Pattern(
            regexp = "name|recent|graduationYear",
            message = "must be name, recent or graduationYear")
        @Nullable String sort,
    @Min(0) @Max(10_000) @Nullable Integer page,
    @Min(1) @Max(100) @Nullable Integer size) {

  static final String CODE = "[A-Z][A-Z0-9_]{1,63}";

  /** The parameter names this query understands; any other is refused. */
  static final Set<String> PARAMETERS =
      Set.of(
          "q",
          "careerField",
          "industry",
          "organization",
          "title",
          "graduatedFrom",
          "graduatedTo",
          "major",
          "city",
          "country",
          "timeZone",
          "source",
          "optedIn",
          "scope",
          "sort",
          "page",
          "size");

  int pageOrFirst() {
    return page == null ? 0 : page;
  }

  int sizeOrDefault() {
    return size == null ? 20 : size;
  }

  boolean ownOnly() {
    return "own".equals(scope);
  }
}
