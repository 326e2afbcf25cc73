package org.infointerview.webui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every screen's address answers with the one shell page; its script shows the screen the address
 * names. Screen addresses are one or two plain segments ({@code /}, {@code /answer}, {@code
 * /interviews/abc}); files ({@code /ui/app.js}, {@code /webjars/...}) have a dot or more segments
 * and are served as they are. The shell is read again by browsers on every visit ({@code no-cache}
 * with its ETag), so a new release reaches them at once.
 */
@RestController
class PageController {

  private static final String SEGMENT = "(?!ui$|webjars$|livez$|readyz$|actuator$)[a-z][a-z0-9-]*";

  private final String shell;

  PageController() {
    try {
      shell = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping(
      value = {"/", "/{screen:" + SEGMENT + "}", "/{screen:" + SEGMENT + "}/{id:[A-Za-z0-9_-]+}"},
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noCache())
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .body(shell);
  }
}
