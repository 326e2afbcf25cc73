package org.infointerview.contacts.imports;

/**
 * Why one cell of one row was not imported.
 *
 * @param row the row as a spreadsheet numbers it (the header row included)
 * @param column the column's header
 * @param value the cell's value, shortened to 200 characters
 * @param reason what is wrong with it
 */
record ImportProblem(long row, String column, String value, String reason) {

  ImportProblem {
    value = value.length() > 200 ? value.substring(0, 200) + "…" : value;
  }
}
