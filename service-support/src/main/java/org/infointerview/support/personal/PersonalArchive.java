package org.infointerview.support.personal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.infointerview.support.csv.SpreadsheetCells;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;

/**
 * The files of one person's export from one service, written as a ZIP archive as they come: JSON
 * for everything, and a CSV beside it where people expect a spreadsheet (cells that never run as
 * formulas). Names are plain ({@code interviews.json}) and each is written once.
 */
public final class PersonalArchive {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}\\.(json|csv)");

  private final ZipOutputStream zip;
  private final ObjectWriter json;
  private final Set<String> names = new LinkedHashSet<>();

  PersonalArchive(OutputStream out, ObjectWriter json) {
    this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    this.json = json;
  }

  /** A JSON file of this value (a record, a list, a map). */
  public void json(String name, @Nullable Object value) throws IOException {
    start(name, ".json");
    json.writeValue(new Unclosed(zip), value);
    zip.closeEntry();
  }

  /** A CSV file: a header row, then one row per entry, cells as text. */
  public void csv(String name, List<String> header, List<List<@Nullable String>> rows)
      throws IOException {
    start(name, ".csv");
    Writer writer = new OutputStreamWriter(new Unclosed(zip), StandardCharsets.UTF_8);
    try (CSVPrinter printer = CSVFormat.RFC4180.builder().get().print(writer)) {
      printer.printRecord(header);
      for (List<@Nullable String> row : rows) {
        List<String> cells = new ArrayList<>(row.size());
        for (@Nullable String cell : row) {
          cells.add(SpreadsheetCells.safe(cell));
        }
        printer.printRecord(cells);
      }
    }
    zip.closeEntry();
  }

  /**
   * A file another writer makes (a CSV the feature already offers as a download, say); the stream
   * it is given stays open for the archive when it closes it.
   */
  public void file(String name, Body body) throws IOException {
    start(name, name.endsWith(".csv") ? ".csv" : ".json");
    body.write(new Unclosed(zip));
    zip.closeEntry();
  }

  /** What writes one file's bytes. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  /** The files written so far, in order. */
  List<String> names() {
    return List.copyOf(names);
  }

  /** Ends the archive; what was written is complete only after this. */
  void finish() throws IOException {
    zip.finish();
  }

  private void start(String name, String extension) throws IOException {
    if (!NAME.matcher(name).matches() || !name.endsWith(extension)) {
      throw new IllegalArgumentException("Not a plain " + extension + " file name: " + name);
    }
    if (!names.add(name)) {
      throw new IllegalStateException("Written twice into one export: " + name);
    }
    zip.putNextEntry(new ZipEntry(name));
  }

  /** The archive's stream, left open when a writer of one file closes its own. */
  private static final class Unclosed extends java.io.FilterOutputStream {

    Unclosed(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
