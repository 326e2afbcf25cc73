package org.infointerview.contacts.imports;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bson.Document;
import org.infointerview.support.csv.SpreadsheetCells;
import org.infointerview.support.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * What the directory's imports ({@code /imports}) and students' own ({@code /me/imports}) answer
 * alike: the file types an upload may declare, an import's error report, a refused file.
 */
final class ImportFiles {

  /**
   * The types a file upload may declare. Checked in the method, after the role, rather than by the
   * mapping, which would answer 415 to anyone before asking who they are.
   */
  private static final List<MediaType> FILE_TYPES =
      Stream.of(
              "text/csv",
              "text/plain",
              "application/csv",
              "application/vnd.ms-excel",
              "text/tab-separated-values")
          .map(MediaType::parseMediaType)
          .toList();

  private ImportFiles() {}

  /** The body of an upload sent as the file itself, once its declared type is one of a file. */
  static InputStream body(HttpServletRequest request)
      throws IOException, HttpMediaTypeNotSupportedException {
    String declared = request.getContentType();
    MediaType type;
    try {
      type = declared == null ? null : MediaType.parseMediaType(declared);
    } catch (InvalidMediaTypeException e) {
      type = null;
    }
    MediaType given = type;
    if (given == null || FILE_TYPES.stream().noneMatch(t -> t.includes(given))) {
      throw new HttpMediaTypeNotSupportedException(given, FILE_TYPES, HttpMethod.POST);
    }
    return request.getInputStream();
  }

  /** The name an upload is shown under. */
  static String name(@Nullable String fileName) {
    return fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
  }

  /** An import's problems as a CSV file: row, column, value, reason (safe to open). */
  static ResponseEntity<StreamingResponseBody> errorReport(String id, Stream<Document> problems) {
    StreamingResponseBody body =
        out -> {
          try (problems;
              Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
              CSVPrinter csv = CSVFormat.RFC4180.builder().get().print(writer)) {
            writer.write('\uFEFF');
            csv.printRecord("row", "column", "value", "reason");
            for (Document problem : (Iterable<Document>) problems::iterator) {
              csv.printRecord(
                  problem.get("row"),
                  SpreadsheetCells.safe(problem.getString("column")),
                  SpreadsheetCells.safe(problem.getString("value")),
                  SpreadsheetCells.safe(problem.getString("reason")));
            }
          }
        };
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"import-" + id + "-errors.csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(body);
  }

  /** A file that cannot be imported: 415 when it is not text, 422 otherwise, with why. */
  static ResponseEntity<ProblemDetail> refused(ImportRefused e) {
    HttpStatus status =
        e.notText() ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.UNPROCESSABLE_CONTENT;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(e.notText() ? "Not a CSV file" : "File cannot be imported");
    problem.setType(URI.create("https://infointerview.org/problems/import-refused"));
    problem.setProperty("errors", List.of(new FieldError("file", e.getMessage())));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
