/**
 * The university's alumni database, read through its REST API: our own interface ({@link
 * org.infointerview.contacts.alumniapi.AlumniDirectoryClient}) and records, implemented with the
 * Micronaut HTTP client. This is the only package that imports {@code io.micronaut}.
 */
@NullMarked
package org.infointerview.contacts.alumniapi;

import org.jspecify.annotations.NullMarked;
