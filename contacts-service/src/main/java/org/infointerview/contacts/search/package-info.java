/**
 * Finding people: the in-memory search index fed by the store and kept current by contact events,
 * the query and its guard, and {@code GET /contacts}.
 */
@NullMarked
package org.infointerview.contacts.search;

import org.jspecify.annotations.NullMarked;
