/**
 * Alumni and directory imports: CSV files streamed from upload to store (encoding, delimiter and
 * header detection, mapping profiles, dry runs), asynchronous import jobs with progress, an error
 * report, cancel and undo, matched to existing people by their alumni id and address.
 */
@NullMarked
package org.infointerview.contacts.imports;

import org.jspecify.annotations.NullMarked;
