/**
 * Contacts as CSV files: a student's own, or (admins) the whole directory, with spreadsheet
 * formulas neutralized.
 */
@NullMarked
package org.infointerview.contacts.export;

import org.jspecify.annotations.NullMarked;
