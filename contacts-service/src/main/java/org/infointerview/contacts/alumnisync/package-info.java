/**
 * Alumni database sync: the university's alumni API read page by page on a schedule (or on demand),
 * its records mapped by a profile of JSON paths and imported as an import job, so they are matched,
 * reported and undone exactly as a CSV file's rows are.
 */
@NullMarked
package org.infointerview.contacts.alumnisync;

import org.jspecify.annotations.NullMarked;
