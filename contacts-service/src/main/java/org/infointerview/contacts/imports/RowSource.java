package org.infointerview.contacts.imports;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Rows to import, one at a time: a CSV file's, or the alumni API's pages. */
public interface RowSource extends Closeable {

  /** The column names, for reports. */
  List<String> headers();

  /** The field each column fills, by column index. */
  Map<Integer, ImportTarget> targets();

  /** The next row, or null after the last. */
  @Nullable Row next() throws IOException;

  /**
   * One row's cells.
   *
   * @param number its place in the source (a CSV file's record number), for reports
   * @param updateOnly whether the row may only update a person already here, never create one (a
   *     record the alumni database removed)
   */
  record Row(long number, List<String> cells, boolean updateOnly) {

    Row(long number, List<String> cells) {
      this(number, cells, false);
    }
  }
}
