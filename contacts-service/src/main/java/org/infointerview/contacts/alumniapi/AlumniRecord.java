package org.infointerview.contacts.alumniapi;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One alumnus as the alumni database describes them.
 *
 * @param id the alumni database's id for the person
 * @param updatedAt when the database last changed the record, if it says
 * @param removed whether the database deleted the record
 * @param fields every other value, by its JSON path (nested objects joined with dots, arrays joined
 *     with semicolons), as text
 */
public record AlumniRecord(
    String id, @Nullable Instant updatedAt, boolean removed, Map<String, String> fields) {}
