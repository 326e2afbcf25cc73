/** What the career center curates for students: one way to change it, versioned and audited. */
@NullMarked
package org.infointerview.interviews.curation;

import org.jspecify.annotations.NullMarked;
