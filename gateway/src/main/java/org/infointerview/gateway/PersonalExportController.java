package org.infointerview.gateway;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/me/export}: one archive of everything every service holds about the signed-in
 * person, put together from each service's own {@code /me/export} (asked with the caller's token,
 * so each decides what is theirs). Every service's archive is fetched whole and checked complete
 * (its manifest, written last, says so) before a byte goes out: a service that is down, slow, or
 * answers anything else makes the export a 503 problem that names it, never an archive that looks
 * complete and is not.
 */
@RestController
@Tag(name = "Your data")
class PersonalExportController {

  private static final Logger log = LoggerFactory.getLogger(PersonalExportController.class);

  /** The most one service's archive may hold; more is refused as a failure of that service. */
  static final long MOST_BYTES_PER_SERVICE = 256L * 1024 * 1024;

  private static final String README =
      """
      Your data at InfoInterview
      ==========================

      Everything the platform's services hold about you, one folder per service:

      contacts-service/       your profile, your own contacts (contacts.csv opens in a
                              spreadsheet), the directory's records of you, your imports
      interviews-service/     your interviews with their preparation, notes and referrals
                              (interviews.csv), requests made to you, research notes, shares
      notifications-service/  the address mail goes to, preferences, inbox, messages to you

      Each folder has audit-about-you.json: who did what with your records, and why.
      manifest.json lists every file; "complete": true means nothing is missing.
      """;

  private final RestClient client;
  private final Map<String, URI> services = new LinkedHashMap<>();
  private final JsonMapper json = JsonMapper.builder().build();
  private final Clock clock = Clock.systemUTC();

  PersonalExportController(ClientHttpRequestFactory proxyClient, GatewayMvcProperties gateway) {
    this.client = RestClient.builder().requestFactory(proxyClient).build();
    gateway.getRoutes().forEach(route -> services.put(route.getId(), route.getUri()));
  }

  @GetMapping("/api/me/export")
  @Operation(
      summary = "Everything the platform holds about you, as one ZIP archive",
      description =
          "JSON files and the CSV files people open in spreadsheets, a folder per service. A"
              + " service that does not answer makes this a 503: never a partial archive.")
  void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    List<Part> parts = new ArrayList<>();
    for (Map.Entry<String, URI> service : services.entrySet()) {
      try {
        parts.add(fetch(service.getKey(), service.getValue(), authorization));
      } catch (Unavailable failed) {
        parts.forEach(Part::delete);
        throw failed;
      }
    }
    // Written here, on the request's own thread: every part is on disk already, and an
    // asynchronous write would go through the security filters again without the sign-in.
    Instant at = clock.instant();
    String name = "infointerview-export-" + LocalDate.ofInstant(at, ZoneOffset.UTC) + ".zip";
    response.setStatus(HttpStatus.OK.value());
    response.setContentType("application/zip");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    write(parts, at, response.getOutputStream());
  }

  /** One service's archive, fetched into a file of its own and checked complete. */
  private Part fetch(String service, URI base, @Nullable String authorization) {
    Path file;
    try {
      file = Files.createTempFile("personal-export-", ".zip");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Part part = new Part(service, file);
    try {
      client
          .get()
          .uri(URI.create(base.toString().replaceAll("/+$", "") + "/me/export"))
          .headers(
              headers -> {
                if (authorization != null) {
                  headers.set(HttpHeaders.AUTHORIZATION, authorization);
                }
              })
          .accept(MediaType.parseMediaType("application/zip"))
          .exchange(
              (sent, answer) -> {
                if (answer.getStatusCode().value() != 200) {
                  throw new Unavailable(service, "answered " + answer.getStatusCode().value());
                }
                try (InputStream in = answer.getBody();
                    OutputStream out = Files.newOutputStream(file)) {
                  copyAtMost(in, out, service);
                }
                return null;
              },
              true);
      part.check(json);
      return part;
    } catch (Unavailable failed) {
      part.delete();
      throw failed;
    } catch (RuntimeException | IOException failed) {
      part.delete();
      throw new Unavailable(service, failed.getClass().getSimpleName());
    }
  }

  private static void copyAtMost(InputStream in, OutputStream out, String service)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
      total += read;
      if (total > MOST_BYTES_PER_SERVICE) {
        throw new Unavailable(service, "its archive is larger than " + MOST_BYTES_PER_SERVICE);
      }
      out.write(buffer, 0, read);
    }
  }

  /** The services' files under their names, a read-me first and the manifest last. */
  private void write(List<Part> parts, Instant at, OutputStream out) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry("README.txt"));
      zip.write(README.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      List<Map<String, Object>> listed = new ArrayList<>();
      for (Part part : parts) {
        listed.add(Map.of("service", part.service, "files", part.copyInto(zip)));
      }
      zip.putNextEntry(new ZipEntry("manifest.json"));
      zip.write(
          json.writerWithDefaultPrettyPrinter()
              .writeValueAsBytes(
                  Map.of("exportedAt", at.toString(), "services", listed, "complete", true)));
      zip.closeEntry();
    } finally {
      parts.forEach(Part::delete);
    }
  }

  @ExceptionHandler(Unavailable.class)
  ResponseEntity<ProblemDetail> unavailable(Unavailable failed, HttpServletRequest request) {
    log.warn("A person's export failed: {} ({})", failed.service, failed.getMessage());
    String service = failed.service;
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Your data could not be put together: "
                + service
                + " is not answering right now. Nothing was sent; please try again shortly.");
    problem.setTitle("Service Unavailable");
    problem.setProperty("service", service);
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** A service's archive on disk until it is copied out. */
  private record Part(String service, Path file) {

    /** A ZIP with its central directory, whose manifest says it is complete. */
    void check(JsonMapper json) throws IOException {
      try (ZipFile zip = new ZipFile(file.toFile())) {
        ZipEntry manifest = zip.getEntry("manifest.json");
        if (manifest == null) {
          throw new Unavailable(service, "its archive has no manifest");
        }
        try (InputStream in = zip.getInputStream(manifest)) {
          JsonNode read = json.readTree(in);
          if (!read.path("complete").asBoolean(false)) {
            throw new Unavailable(service, "its archive says it is not complete");
          }
        }
      }
    }

    List<String> copyInto(ZipOutputStream out) throws IOException {
      List<String> names = new ArrayList<>();
      try (ZipFile zip = new ZipFile(file.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry entry = entries.nextElement();
          String name = service + "/" + entry.getName();
          names.add(name);
          out.putNextEntry(new ZipEntry(name));
          try (InputStream in = zip.getInputStream(entry)) {
            in.transferTo(out);
          }
          out.closeEntry();
        }
      }
      return names;
    }

    void delete() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.warn("A temporary export file stays behind: {}", file, e);
      }
    }
  }

  /** A service that did not give its part. */
  private static final class Unavailable extends RuntimeException {

    final String service;

    Unavailable(String service, String why) {
      super(why, null, false, false);
      this.service = service;
    }
  }
}
