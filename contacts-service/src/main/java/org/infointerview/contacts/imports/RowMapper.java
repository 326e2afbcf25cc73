package org.infointerview.contacts.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.infointerview.contacts.contact.ContactDraft;
import org.infointerview.contacts.contact.ContactDraftBuilder;
import org.infointerview.contacts.contact.ContactPreference;
import org.jspecify.annotations.Nullable;

/**
 * Turns a row's cells into a contact draft and the consent it states, by the column targets of the
 * file's header. Cells are only collected here; {@code ContactRules} judges them.
 */
final class RowMapper {

  /** Between the values of one cell: {@code ;}, {@code |}, a line, or Google's {@code :::}. */
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;|\\r\\n]|:::");

  /** Between the words of a preference ("via platform", "show-email"). */
  private static final Pattern SPACES_AND_DASHES = Pattern.compile("[\\s-]+");

  /** A list field's index in a problem's field name ({@code phones[1]}). */
  private static final Pattern INDEX_SUFFIX = Pattern.compile("\\[\\d+]$");

  /** Line breaks (and the blanks around them) inside a quoted cell, as exports wrap long text. */
  private static final Pattern LINE_BREAKS = Pattern.compile("\\h*[\\r\\n\\u2028\\u2029]+\\s*");

  private static final int MAX_CELL = 1_000;

  /** Notes are longer: as long as a contact's notes may be. */
  private static final int MAX_NOTES = 4_000;

  private final Map<Integer, ImportTarget> targets;
  private final List<String> headers;

  RowMapper(Map<Integer, ImportTarget> targets, List<String> headers) {
    this.targets = targets;
    this.headers = headers;
  }

  /** What the file says about consent; null where its cell was empty or it has no column. */
  record ConsentCells(
      @Nullable Boolean optedIn,
      @Nullable ContactPreference preference,
      @Nullable Integer maxRequestsPerMonth,
      @Nullable Boolean doNotContact) {

    boolean any() {
      return optedIn != null
          || preference != null
          || maxRequestsPerMonth != null
          || doNotContact != null;
    }
  }

  /**
   * @param filled the targets that had a value in this row (an empty cell keeps the stored value)
   * @param updateOnly whether the row may only update someone already here
   */
  record MappedRow(
      long number,
      ContactDraft draft,
      ConsentCells consent,
      Set<ImportTarget> filled,
      List<ImportProblem> problems,
      boolean updateOnly) {}

  MappedRow map(RowSource.Row row) {
    Map<ImportTarget, List<String>> values = new EnumMap<>(ImportTarget.class);
    List<ImportProblem> problems = new ArrayList<>();
    for (Map.Entry<Integer, ImportTarget> column : targets.entrySet()) {
      if (column.getValue() == ImportTarget.IGNORE || column.getKey() >= row.cells().size()) {
        continue;
      }
      String cell = row.cells().get(column.getKey()).strip();
      if (cell.isEmpty()) {
        continue;
      }
      int max = column.getValue() == ImportTarget.NOTES ? MAX_NOTES : MAX_CELL;
      if (cell.length() > max) {
        problems.add(problem(row, column.getKey(), cell, "is longer than " + max + " characters"));
        continue;
      }
      values.computeIfAbsent(column.getValue(), t -> new ArrayList<>()).add(cell);
    }
    Set<ImportTarget> filled =
        values.isEmpty() ? EnumSet.noneOf(ImportTarget.class) : EnumSet.copyOf(values.keySet());
    ContactDraft draft =
        ContactDraftBuilder.builder()
            .givenName(one(values, ImportTarget.GIVEN_NAME))
            .familyName(one(values, ImportTarget.FAMILY_NAME))
            .preferredName(one(values, ImportTarget.PREFERRED_NAME))
            .pronouns(one(values, ImportTarget.PRONOUNS))
            .emails(list(values, ImportTarget.EMAIL))
            .phones(list(values, ImportTarget.PHONE))
            .linkedinUrl(one(values, ImportTarget.LINKEDIN_URL))
            .organizationName(one(values, ImportTarget.ORGANIZATION))
            .jobTitle(one(values, ImportTarget.JOB_TITLE))
            .industry(one(values, ImportTarget.INDUSTRY))
            .careerFields(list(values, ImportTarget.CAREER_FIELDS))
            .city(one(values, ImportTarget.CITY))
            .region(one(values, ImportTarget.REGION))
            .country(one(values, ImportTarget.COUNTRY))
            .timeZone(one(values, ImportTarget.TIME_ZONE))
            .externalAlumniId(one(values, ImportTarget.EXTERNAL_ALUMNI_ID))
            .graduationYear(one(values, ImportTarget.GRADUATION_YEAR))
            .degree(one(values, ImportTarget.DEGREE))
            .major(one(values, ImportTarget.MAJOR))
            .college(one(values, ImportTarget.COLLEGE))
            .tags(list(values, ImportTarget.TAGS))
            .notes(lines(values, ImportTarget.NOTES))
            .build();
    ConsentCells consent =
        new ConsentCells(
            yesNo(row, values, ImportTarget.OPTED_IN, problems),
            preference(row, values, problems),
            monthly(row, values, problems),
            yesNo(row, values, ImportTarget.DO_NOT_CONTACT, problems));
    return new MappedRow(row.number(), draft, consent, filled, problems, row.updateOnly());
  }

  /** The header of the first column that fills a field, for reporting a problem with it. */
  String columnOf(String field) {
    String key = INDEX_SUFFIX.matcher(field).replaceAll("");
    String target =
        switch (key) {
          case "emails" -> ImportTarget.EMAIL.key();
          case "phones" -> ImportTarget.PHONE.key();
          default -> key;
        };
    for (Map.Entry<Integer, ImportTarget> column : targets.entrySet()) {
      if (column.getValue().key().equals(target)) {
        return headers.get(column.getKey()).strip();
      }
    }
    return field;
  }

  /**
   * The first cell of a single-line field, a line break inside it read as a space: exports wrap
   * long titles and majors across lines of a quoted cell. Other control characters stay and are
   * refused by the contact's rules.
   */
  private static @Nullable String one(Map<ImportTarget, List<String>> values, ImportTarget t) {
    List<String> cells = values.get(t);
    return cells == null ? null : oneLine(cells.get(0));
  }

  /** A field of several lines (notes): its cells as they are, one after the other. */
  private static @Nullable String lines(Map<ImportTarget, List<String>> values, ImportTarget t) {
    List<String> cells = values.get(t);
    return cells == null ? null : String.join("\n", cells);
  }

  /** Nearly every cell has no line break: it is only scanned, not matched, then. */
  private static String oneLine(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029') {
        return LINE_BREAKS.matcher(cell).replaceAll(" ");
      }
    }
    return cell;
  }

  private static List<String> list(Map<ImportTarget, List<String>> values, ImportTarget t) {
    List<String> cells = values.get(t);
    if (cells == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    for (String cell : cells) {
      if (!separated(cell)) {
        items.add(cell);
        continue;
      }
      for (String item : LIST_SEPARATOR.split(cell)) {
        if (!item.isBlank()) {
          items.add(item.strip());
        }
      }
    }
    return items;
  }

  /** Whether a cell may hold several values (nearly none does: it is only scanned then). */
  private static boolean separated(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ';' || c == '|' || c == '\r' || c == '\n' || c == ':') {
        return true;
      }
    }
    return false;
  }

  private @Nullable Boolean yesNo(
      RowSource.Row row,
      Map<ImportTarget, List<String>> values,
      ImportTarget target,
      List<ImportProblem> problems) {
    String cell = one(values, target);
    if (cell == null) {
      return null;
    }
    switch (cell.toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true", "1", "x", "opted in", "opt-in" -> {
        return true;
      }
      case "no", "n", "false", "0", "opted out", "opt-out" -> {
        return false;
      }
      default -> {
        problems.add(problem(row, target, cell, "must be yes or no"));
        return null;
      }
    }
  }

  private @Nullable ContactPreference preference(
      RowSource.Row row, Map<ImportTarget, List<String>> values, List<ImportProblem> problems) {
    String cell = one(values, ImportTarget.CONTACT_PREFERENCE);
    if (cell == null) {
      return null;
    }
    String value = SPACES_AND_DASHES.matcher(cell.toLowerCase(Locale.ROOT)).replaceAll("_");
    if (value.equals("show_email") || value.equals("email")) {
      return ContactPreference.SHOW_EMAIL;
    }
    if (value.equals("via_platform") || value.equals("platform")) {
      return ContactPreference.VIA_PLATFORM;
    }
    problems.add(
        problem(row, ImportTarget.CONTACT_PREFERENCE, cell, "must be SHOW_EMAIL or VIA_PLATFORM"));
    return null;
  }

  private @Nullable Integer monthly(
      RowSource.Row row, Map<ImportTarget, List<String>> values, List<ImportProblem> problems) {
    String cell = one(values, ImportTarget.MAX_REQUESTS_PER_MONTH);
    if (cell == null) {
      return null;
    }
    try {
      int max = Integer.parseInt(cell);
      if (max >= 1 && max <= 31) {
        return max;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        problem(row, ImportTarget.MAX_REQUESTS_PER_MONTH, cell, "must be a number from 1 to 31"));
    return null;
  }

  private ImportProblem problem(RowSource.Row row, ImportTarget target, String value, String why) {
    for (Map.Entry<Integer, ImportTarget> column : targets.entrySet()) {
      if (column.getValue() == target) {
        return problem(row, column.getKey(), value, why);
      }
    }
    return new ImportProblem(row.number(), target.key(), value, why);
  }

  private ImportProblem problem(RowSource.Row row, int column, String value, String why) {
    return new ImportProblem(row.number(), headers.get(column).strip(), value, why);
  }
}
