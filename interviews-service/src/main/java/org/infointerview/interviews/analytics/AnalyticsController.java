package org.infointerview.interviews.analytics;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.infointerview.support.csv.SpreadsheetCells;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.validation.PlainText;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cohort analytics, for advisors and admins: a date range's interviews in counts (JSON, or the same
 * table as CSV). Never note text; a cohort of fewer than five students is not shown.
 */
@RestController
@RequestMapping("/analytics")
@PreAuthorize("hasAnyRole('ADVISOR', 'ADMIN')")
@Validated
class AnalyticsController {

  /** The longest range one report covers. */
  private static final int MOST_DAYS = 3 * 366;

  private final CohortAnalytics analytics;

  AnalyticsController(CohortAnalytics analytics) {
    this.analytics = analytics;
  }

  @GetMapping("/cohort")
  CohortReport cohort(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}")
          @Nullable String careerField,
      @RequestParam(required = false) @Min(1900) @Max(2200) @Nullable Integer classYear,
      @RequestParam(required = false) @Size(max = 200) @PlainText @Nullable String major,
      @RequestParam(required = false) @Size(max = 200) @PlainText @Nullable String program) {
    checkRange(from, to);
    Cohort cohort =
        new Cohort(from, to, careerField, classYear, blankless(major), blankless(program));
    return analytics.report(cohort);
  }

  /** The same table as CSV: one figure a row, as a spreadsheet opens it. */
  @GetMapping(value = "/cohort.csv", produces = "text/csv")
  ResponseEntity<String> cohortCsv(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}")
          @Nullable String careerField,
      @RequestParam(required = false) @Min(1900) @Max(2200) @Nullable Integer classYear,
      @RequestParam(required = false) @Size(max = 200) @PlainText @Nullable String major,
      @RequestParam(required = false) @Size(max = 200) @PlainText @Nullable String program) {
    checkRange(from, to);
    Cohort cohort =
        new Cohort(from, to, careerField, classYear, blankless(major), blankless(program));
    CohortReport report = analytics.report(cohort);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("cohort-" + from + "-" + to + ".csv")
                .build()
                .toString())
        .body("\uFEFF" + csv(report));
  }

  private static @Nullable String blankless(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static void checkRange(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidFieldException("to", "must be the same day as from or later");
    }
    if (from.plusDays(MOST_DAYS).isBefore(to)) {
      throw new InvalidFieldException("to", "must be at most three years after from");
    }
  }

  static String csv(CohortReport r) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"counted at", r.countedAt().toString()});
    rows.add(new String[] {"from", r.from().toString()});
    rows.add(new String[] {"to", r.to().toString()});
    rows.add(new String[] {"career field", r.careerField() == null ? "all" : r.careerField()});
    rows.add(new String[] {"class year", r.classYear() == null ? "all" : r.classYear().toString()});
    rows.add(new String[] {"major", r.major() == null ? "all" : r.major()});
    rows.add(new String[] {"program", r.program() == null ? "all" : r.program()});
    if (r.suppressed()) {
      rows.add(new String[] {"students", "fewer than " + CohortAnalytics.SMALLEST});
    } else {
      rows.add(new String[] {"students", String.valueOf(r.students())});
      rows.add(new String[] {"interviews", String.valueOf(r.interviews())});
      Objects.requireNonNull(r.byState())
          .forEach((state, n) -> rows.add(new String[] {"interviews " + state, String.valueOf(n)}));
      rows.add(new String[] {"requests sent", String.valueOf(r.requestsSent())});
      rows.add(new String[] {"answer rate", figure(r.answerRate())});
      rows.add(
          new String[] {"median days from request to meeting", figure(r.medianDaysToMeeting())});
      rows.add(new String[] {"thank-you within 48 h rate", figure(r.thankYouOnTimeRate())});
      rows.add(new String[] {"referrals per conversation", figure(r.referralsPerConversation())});
      rows.add(new String[] {"no-shows", String.valueOf(r.noShows())});
      for (CohortReport.Count c : Objects.requireNonNull(r.topCareerFields())) {
        rows.add(new String[] {"career field " + c.name(), String.valueOf(c.interviews())});
      }
      for (CohortReport.Count c : Objects.requireNonNull(r.topOrganizations())) {
        rows.add(new String[] {"organization " + c.name(), String.valueOf(c.interviews())});
      }
      rows.add(new String[] {"alumni asked", String.valueOf(r.alumniAsked())});
      Objects.requireNonNull(r.alumniLoad())
          .forEach((load, n) -> rows.add(new String[] {"alumni asked " + load, String.valueOf(n)}));
      rows.add(new String[] {"volunteers", String.valueOf(r.volunteers())});
    }
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = CSVFormat.RFC4180.builder().get().print(out)) {
      csv.printRecord("figure", "value");
      for (String[] row : rows) {
        csv.printRecord(SpreadsheetCells.safe(row[0]), SpreadsheetCells.safe(row[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String figure(@Nullable Double value) {
    return value == null ? "" : value.toString();
  }
}
