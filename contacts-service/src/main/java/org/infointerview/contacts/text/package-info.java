/**
 * Text as search and matching compare it: folded (case, accents), split into words, names keyed. A
 * leaf that contacts, organizations, career fields and matching all use.
 */
@NullMarked
package org.infointerview.contacts.text;

import org.jspecify.annotations.NullMarked;
