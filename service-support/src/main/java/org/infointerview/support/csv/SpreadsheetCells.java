package org.infointerview.support.csv;

import org.jspecify.annotations.Nullable;

/**
 * Cells written to CSV files that people open in spreadsheets: a value that a spreadsheet would run
 * as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return at its start) is
 * written with a leading apostrophe, so it shows as text and runs nothing.
 */
public final class SpreadsheetCells {

  private SpreadsheetCells() {}

  public static String safe(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    char first = value.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      return "'" + value;
    }
    return value;
  }
}
