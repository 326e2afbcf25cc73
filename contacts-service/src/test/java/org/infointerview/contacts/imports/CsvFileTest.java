package org.infointerview.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

  private static final MappingProfile ALUMNI =
      MappingProfile.builtIn(Instant.parse("2026-11-29T10:00:00Z")).get(0);
  private static final MappingProfile LINKEDIN =
      MappingProfile.builtIn(Instant.parse("2026-11-29T10:00:00Z")).get(1);
  private static final String ROWS =
      "Alumni ID,First Name,Last Name,Employer\r\n"
          + "A-1,José,Núñez,\"Acme, Inc.\"\r\n"
          + "A-2,Zoë,Ørsted,\"Line one\nline two\"\r\n";

  @TempDir Path dir;

  @Test
  void utf8WithAndWithoutBomUtf16AndWindows1252AreAllReadRight() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    assertNames(file(concat(bom, ROWS.getBytes(StandardCharsets.UTF_8))), "UTF-8 (with BOM)");
    assertNames(file(ROWS.getBytes(StandardCharsets.UTF_8)), "UTF-8");
    assertNames(
        file(
            concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE}, ROWS.getBytes(StandardCharsets.UTF_16LE))),
        "UTF-16LE (with BOM)");
    assertNames(file(ROWS.getBytes(StandardCharsets.UTF_16BE)), "UTF-16BE");
    assertNames(file(ROWS.getBytes(Charset.forName("windows-1252"))), "windows-1252");
  }

  @Test
  void semicolonAndTabDelimitersAreDetected() throws IOException {
    CsvFile.Shape semicolon =
        inspect(file(ROWS.replace(",\"Acme, Inc.\"", ";\"Acme, Inc.\"").replace(',', ';')));
    CsvFile.Shape tab = inspect(file(ROWS.replace(',', '\t').replace("\"Acme\t Inc.\"", "Acme")));

    assertThat(semicolon.delimiter()).isEqualTo(";");
    assertThat(semicolon.rows()).isEqualTo(2);
    assertThat(tab.delimiter()).isEqualTo("tab");
  }

  @Test
  void linkedInNotesBeforeTheHeaderAreSkipped() throws IOException {
    String export =
        "Notes:\n"
            + "\"When exporting your connection data, you may notice that some of the email"
            + " addresses are missing. You will only see email addresses for connections who have"
            + " allowed their connections to see or download it.\"\n"
            + "\n"
            + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            + "Ada,Lovelace,https://www.linkedin.com/in/ada,,Analytical Engines,Engineer,01 Jan 2024\n";
    try (CsvFile csv = CsvFile.open(file(export), LINKEDIN, 65_536)) {
      CsvFile.Row row = csv.next();

      // as a spreadsheet numbers them: the notes, the quote, a blank row, the header, Ada
      assertThat(csv.headerRow()).isEqualTo(4);
      assertThat(row.cells()).startsWith("Ada", "Lovelace");
      assertThat(row.number()).isEqualTo(5);
      assertThat(csv.next()).isNull();
    }
  }

  @Test
  void anUnbalancedQuoteIsRefusedWithTheRowWhereItStarts() throws IOException {
    Path file = file("First Name,Last Name\nAda,Lovelace\n\"Grace,Hopper\nAlan,Turing\n");

    assertThatThrownBy(() -> inspect(file))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("row 3")
        .hasMessageContaining("unbalanced quotes");
  }

  @Test
  void aFiveMegabyteCellIsRefusedWithoutReadingItWhole() throws IOException {
    Path file = file("First Name,Last Name\nAda,\"" + "x".repeat(5 * 1024 * 1024) + "\"\n");

    assertThatThrownBy(() -> inspect(file))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("row 2")
        .hasMessageContaining("longer than 65536 characters");
  }

  @Test
  void aRepeatedColumnIsRefusedByName() throws IOException {
    Path file =
        file("First Name,Last Name,Email,email\nAda,Lovelace,a@example.org,b@example.org\n");

    assertThatThrownBy(() -> inspect(file))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("'email' appears twice (columns 3 and 4)");
  }

  @Test
  void binaryDataIsNotText() throws IOException {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D'};

    assertThatThrownBy(() -> inspect(file(png)))
        .isInstanceOfSatisfying(ImportRefused.class, e -> assertThat(e.notText()).isTrue());
  }

  @Test
  void aFileWithoutAKnownHeaderNamesWhatWasExpected() throws IOException {
    assertThatThrownBy(() -> inspect(file("foo,bar\n1,2\n")))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("'Alumni ID'");
  }

  @Test
  void moreRowsThanTheLimitAreRefused() throws IOException {
    StringBuilder big = new StringBuilder("First Name,Last Name\n");
    for (int i = 0; i < 11; i++) {
      big.append("A,B").append(i).append('\n');
    }
    Path file = file(big.toString());

    assertThatThrownBy(() -> CsvFile.inspect(file, ALUMNI, 65_536, 10))
        .isInstanceOf(ImportRefused.class)
        .hasMessageContaining("more than 10 rows");
  }

  private void assertNames(Path file, String encoding) throws IOException {
    try (CsvFile csv = CsvFile.open(file, ALUMNI, 65_536)) {
      List<List<String>> rows = new ArrayList<>();
      for (CsvFile.Row row = csv.next(); row != null; row = csv.next()) {
        rows.add(row.cells());
      }
      assertThat(csv.encoding().name()).isEqualTo(encoding);
      assertThat(rows)
          .containsExactly(
              List.of("A-1", "José", "Núñez", "Acme, Inc."),
              List.of("A-2", "Zoë", "Ørsted", "Line one\nline two"));
    }
  }

  private CsvFile.Shape inspect(Path file) throws IOException {
    return CsvFile.inspect(file, ALUMNI, 65_536, 1_000_000);
  }

  private Path file(String text) throws IOException {
    return file(text.getBytes(StandardCharsets.UTF_8));
  }

  private Path file(byte[] bytes) throws IOException {
    return Files.write(Files.createTempFile(dir, "upload", ".csv"), bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
