package org.infointerview.contacts.imports;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A CSV file on disk, read as a stream of rows (never whole in memory) with Commons CSV: its
 * encoding and delimiter detected from the first 64 KB, lines before the header skipped (LinkedIn
 * exports start with notes), the header matched against a mapping profile. Quoted fields may hold
 * delimiters and line breaks. A record longer than the limit (an unbalanced quote swallowing the
 * rest of the file, a 5 MB cell) stops reading with a reason instead of filling the heap.
 */
final class CsvFile implements RowSource {

  static final int SAMPLE_BYTES = 64 * 1024;
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final int HEADER_SEARCH_RECORDS = 30;

  /**
   * What a whole file looks like, read once to the end before anything is stored.
   *
   * @param rows data rows (blank lines not counted)
   */
  /**
   * What a file is, read to its end.
   *
   * @param unmapped the headers no column of the profile maps (their cells are not imported)
   * @param warnings what the person importing should know before the rows are stored, such as a
   *     file without the consent column its profile expects
   */
  record Shape(
      String encoding,
      String delimiter,
      long headerRow,
      List<String> headers,
      List<String> unmapped,
      long rows,
      List<String> warnings) {}

  /** The warning of a file without the consent column its profile maps. */
  static final String NO_CONSENT_COLUMN =
      "No column says who agreed to be contacted (the profile maps '%s'): everyone in this file"
          + " imports as not opted in, and students will not find them. Add the column, or map"
          + " the file's own in a profile of your own.";

  /**
   * Reads a file to its end without keeping it: its shape, or why it cannot be imported.
   *
   * @throws ImportRefused when it is not a readable CSV or has more than {@code maxRows} rows
   */
  static Shape inspect(Path file, MappingProfile profile, int maxRowChars, int maxRows)
      throws IOException {
    try (CsvFile csv = open(file, profile, maxRowChars)) {
      long rows = 0;
      while (csv.next() != null) {
        if (++rows > maxRows) {
          throw ImportRefused.unreadable(tooManyRows(maxRows));
        }
      }
      return csv.shape(requireRows(rows));
    }
  }

  /** Why a file with more rows than an import takes is refused. */
  static String tooManyRows(int maxRows) {
    return "the file has more than "
        + String.format(Locale.ROOT, "%,d", maxRows)
        + " rows, the most one import takes; split it into several files";
  }

  /**
   * The count of data rows, when there is one at least.
   *
   * @throws ImportRefused when the file has its header and nothing below it
   */
  static long requireRows(long rows) {
    if (rows == 0) {
      throw ImportRefused.unreadable(
          "the file has no rows below its header: there is nothing to import");
    }
    return rows;
  }

  Shape shape(long rows) {
    List<String> warnings = new ArrayList<>();
    if (consentHeader != null && !targets.containsValue(ImportTarget.OPTED_IN)) {
      warnings.add(String.format(NO_CONSENT_COLUMN, consentHeader));
    }
    return new Shape(
        encoding.name(),
        delimiter == '\t' ? "tab" : String.valueOf(delimiter),
        headerRow,
        headers,
        unmappedHeaders(),
        rows,
        List.copyOf(warnings));
  }

  /** One data row: its row number as a spreadsheet shows it, and its cells by column. */
  private final TextEncoding encoding;

  private final char delimiter;
  private final List<String> headers;
  private final Map<Integer, ImportTarget> targets;
  private final @Nullable String consentHeader;
  private final long headerRow;
  private final GuardedReader reader;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;

  private CsvFile(
      TextEncoding encoding,
      char delimiter,
      List<String> headers,
      Map<Integer, ImportTarget> targets,
      @Nullable String consentHeader,
      long headerRow,
      GuardedReader reader,
      CSVParser parser) {
    this.consentHeader = consentHeader;
    this.encoding = encoding;
    this.delimiter = delimiter;
    this.headers = headers;
    this.targets = targets;
    this.headerRow = headerRow;
    this.reader = reader;
    this.parser = parser;
    this.records = parser.iterator();
  }

  /**
   * Opens a file and positions it after its header.
   *
   * @throws ImportRefused when it is not text, has no header the profile knows, or repeats a column
   */
  static CsvFile open(Path file, MappingProfile profile, int maxRecordChars) throws IOException {
    byte[] sample = new byte[SAMPLE_BYTES];
    int length;
    try (InputStream in = Files.newInputStream(file)) {
      length = in.readNBytes(sample, 0, SAMPLE_BYTES);
    }
    if (length == 0) {
      throw ImportRefused.unreadable("the file is empty");
    }
    TextEncoding encoding;
    try {
      encoding = TextEncoding.detect(sample, length, length < SAMPLE_BYTES);
    } catch (TextEncoding.NotText e) {
      throw ImportRefused.notText(e.getMessage());
    }
    String text =
        new String(sample, encoding.bomLength(), length - encoding.bomLength(), encoding.charset());
    char delimiter = delimiterOf(text);

    InputStream in = Files.newInputStream(file);
    in.skipNBytes(encoding.bomLength());
    GuardedReader reader =
        new GuardedReader(new InputStreamReader(in, encoding.charset()), maxRecordChars);
    CSVParser parser = format(delimiter).parse(reader);
    try {
      Iterator<CSVRecord> records = parser.iterator();
      Map<String, ImportTarget> byHeader = new HashMap<>();
      for (MappingProfile.ColumnMapping column : profile.columns()) {
        byHeader.put(
            normalized(column.header()), ImportTarget.byKey(column.target()).orElseThrow());
      }
      for (int i = 0; i < HEADER_SEARCH_RECORDS; i++) {
        CSVRecord record = next(records, reader, parser);
        if (record == null) {
          break;
        }
        List<String> cells = record.toList();
        long matching = cells.stream().filter(c -> byHeader.containsKey(normalized(c))).count();
        if (matching >= Math.min(2, byHeader.size())) {
          Map<Integer, ImportTarget> targets = targets(cells, byHeader);
          return new CsvFile(
              encoding,
              delimiter,
              List.copyOf(cells),
              targets,
              profile.columns().stream()
                  .filter(c -> ImportTarget.OPTED_IN.key().equals(c.target()))
                  .map(MappingProfile.ColumnMapping::header)
                  .findFirst()
                  .orElse(null),
              record.getRecordNumber(),
              reader,
              parser);
        }
      }
    } catch (RuntimeException e) {
      parser.close();
      throw e;
    }
    parser.close();
    throw ImportRefused.unreadable(
        "no header row that profile '"
            + profile.name()
            + "' knows was found in the first "
            + HEADER_SEARCH_RECORDS
            + " rows; expected columns such as "
            + profile.columns().stream().limit(4).map(c -> "'" + c.header() + "'").toList());
  }

  private static Map<Integer, ImportTarget> targets(
      List<String> cells, Map<String, ImportTarget> byHeader) {
    Map<Integer, ImportTarget> targets = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int column = 0; column < cells.size(); column++) {
      String header = normalized(cells.get(column));
      if (header.isEmpty()) {
        continue;
      }
      Integer earlier = seen.put(header, column);
      if (earlier != null) {
        throw ImportRefused.unreadable(
            "column '"
                + cells.get(column).strip()
                + "' appears twice (columns "
                + (earlier + 1)
                + " and "
                + (column + 1)
                + "); rename or remove one");
      }
      ImportTarget target = byHeader.get(header);
      if (target != null) {
        targets.put(column, target);
      }
    }
    for (ImportTarget required : List.of(ImportTarget.GIVEN_NAME, ImportTarget.FAMILY_NAME)) {
      if (!targets.containsValue(required)) {
        throw ImportRefused.unreadable(
            "the file has no column for " + required.key() + " that the profile maps");
      }
    }
    return targets;
  }

  /** The next data row, or null at the end of the file. */
  @Override
  public RowSource.@Nullable Row next() throws IOException {
    for (CSVRecord record = next(records, reader, parser);
        record != null;
        record = next(records, reader, parser)) {
      List<String> cells = record.toList();
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      return new RowSource.Row(record.getRecordNumber(), cells);
    }
    if (reader.failure != null) {
      throw reader.failure;
    }
    return null;
  }

  private static @Nullable CSVRecord next(
      Iterator<CSVRecord> records, GuardedReader reader, CSVParser parser) {
    reader.startRecord();
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException | IllegalStateException | NoSuchElementException e) {
      if (reader.failure != null) {
        throw ImportRefused.unreadable(
            "row "
                + (parser.getRecordNumber() + 1)
                + " (line "
                + parser.getCurrentLineNumber()
                + "): "
                + reader.failure.getMessage());
      }
      throw ImportRefused.unreadable(
          "row "
              + (parser.getRecordNumber() + 1)
              + " (line "
              + parser.getCurrentLineNumber()
              + ") cannot be read: "
              + reason(e));
    }
  }

  private static String reason(Exception e) {
    // The parser's own words, never a class name (UncheckedIOException's message is its cause's
    // toString, "java.io.IOException: ...").
    Throwable deepest = e;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String message =
        deepest.getMessage() == null ? "the parser stopped here" : deepest.getMessage();
    // Commons CSV's words change case between releases ("invalid char", "Invalid character")
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("before encapsulated token finished")) {
      return "a quoted field is never closed (unbalanced quotes)";
    }
    if (lower.contains("between encapsulated token and delimiter")) {
      return "text follows a closing quote (unbalanced quotes): a quote inside a quoted field is"
          + " written twice (\"\")";
    }
    return message.length() > 200 ? message.substring(0, 200) : message;
  }

  private static CSVFormat format(char delimiter) {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(delimiter)
        // Blank lines are records here (and skipped as rows), so that a record's number is the
        // row a spreadsheet shows, blank lines of a preamble included.
        .setIgnoreEmptyLines(false)
        .setAllowMissingColumnNames(true)
        .get();
  }

  /** The delimiter under which the most sampled records have the same number of fields. */
  static char delimiterOf(String sample) {
    char best = ',';
    long bestScore = -1;
    int bestWidth = 0;
    for (char candidate : DELIMITERS) {
      Map<Integer, Integer> widths = new HashMap<>();
      try (CSVParser parser = format(candidate).parse(new StringReader(sample))) {
        int n = 0;
        for (CSVRecord record : parser) {
          if (++n > 60) {
            break;
          }
          widths.merge(record.size(), 1, Integer::sum);
        }
      } catch (IOException | UncheckedIOException | IllegalStateException e) {
        // The sample ends mid-record; the records read so far count.
      }
      for (Map.Entry<Integer, Integer> width : widths.entrySet()) {
        if (width.getKey() < 2) {
          continue;
        }
        long score = width.getValue();
        if (score > bestScore || (score == bestScore && width.getKey() > bestWidth)) {
          best = candidate;
          bestScore = score;
          bestWidth = width.getKey();
        }
      }
    }
    return best;
  }

  static String normalized(String header) {
    return header.replace("\uFEFF", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  TextEncoding encoding() {
    return encoding;
  }

  char delimiter() {
    return delimiter;
  }

  @Override
  public List<String> headers() {
    return headers;
  }

  @Override
  public Map<Integer, ImportTarget> targets() {
    return targets;
  }

  long headerRow() {
    return headerRow;
  }

  /** The headers no profile column matched. */
  List<String> unmappedHeaders() {
    List<String> unmapped = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      if (!targets.containsKey(i) && !headers.get(i).isBlank()) {
        unmapped.add(headers.get(i).strip());
      }
    }
    return unmapped;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  /** Counts the characters of the record being read and stops one that grows past the limit. */
  private static final class GuardedReader extends FilterReader {

    private final int limit;
    private long read;
    private @Nullable IOException failure;

    GuardedReader(Reader in, int limit) {
      super(in);
      this.limit = limit;
    }

    void startRecord() {
      read = 0;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      count(c < 0 ? 0 : 1);
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit + 2L * 8192) {
        failure =
            new IOException(
                "a single row is longer than "
                    + limit
                    + " characters; is a quote left open, or a cell far too long?");
        throw failure;
      }
    }
  }
}
