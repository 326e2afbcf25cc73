package org.infointerview.contacts.alumniapi;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the alumni database.
 *
 * @param number the page's place in this run, counted from 1 (for reports)
 * @param next where the following page starts; null after the last page
 * @param total how many records the whole run has, when the API says so
 */
public record AlumniPage(
    int number, List<AlumniRecord> records, @Nullable String next, @Nullable Long total) {}
