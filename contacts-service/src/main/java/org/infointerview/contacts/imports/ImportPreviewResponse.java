package org.infointerview.contacts.imports;

import java.util.List;
import org.infointerview.contacts.contact.ContactDetails;

/**
 * A dry run's answer: how the file was read (encoding, delimiter, header row, the columns not
 * imported), its rows as they would be stored (the first ones), every problem (up to 10,000), what
 * the admin should know of it, and what its rows say of consent. Nothing is stored.
 *
 * @param profile the mapping profile read with (for a student's file sent without one, the one its
 *     columns chose)
 */
record ImportPreviewResponse(
    String profile,
    String encoding,
    String delimiter,
    long headerRow,
    List<String> headers,
    List<String> unmappedHeaders,
    long rows,
    long validRows,
    long failedRows,
    List<ContactDetails> sample,
    List<ImportProblem> problems,
    boolean problemsTruncated,
    List<String> warnings,
    ConsentCounts consent) {

  static ImportPreviewResponse of(Importer.Preview preview) {
    CsvFile.Shape shape = preview.shape();
    return new ImportPreviewResponse(
        preview.profile().name(),
        shape.encoding(),
        shape.delimiter(),
        shape.headerRow(),
        shape.headers(),
        shape.unmapped(),
        shape.rows(),
        shape.rows() - preview.failed(),
        preview.failed(),
        preview.sample(),
        preview.problems(),
        preview.problems().size() >= 10_000,
        shape.warnings(),
        preview.consent());
  }
}
