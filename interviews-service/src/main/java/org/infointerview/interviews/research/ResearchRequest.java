package org.infointerview.interviews.research;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A research note as the student writes it, replacing what was there. */
record ResearchRequest(
    @Size(max = 20_000) @Nullable String summary,
    @Size(max = 20_000) @Nullable String paths,
    @Size(max = 20_000) @Nullable String news,
    @Size(max = 50) @Nullable List<@Valid @NotNull LinkRequest> links,
    @Size(max = 50) @Nullable List<@NotBlank @Size(max = 500) String> websiteAnswers) {

  /**
   * @param url a web address (http or https only: no {@code javascript:} or {@code data:} links)
   */
  record LinkRequest(
      @NotBlank
          @Size(max = 2000)
          @Pattern(regexp = "(?i)https?://\\S+", message = "must be an http or https address")
          String url,
      @Size(max = 300) @Nullable String title) {}

  List<Link> linkList() {
    return links == null
        ? List.of()
        : links.stream().map(l -> new Link(l.url(), l.title())).toList();
  }

  List<String> answers() {
    return websiteAnswers == null ? List.of() : websiteAnswers.stream().map(String::strip).toList();
  }
}
