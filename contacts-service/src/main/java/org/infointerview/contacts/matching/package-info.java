/**
 * Duplicates: probable matches among institution contacts (same family name, a similar given name,
 * and the same graduation year or organization), reviewed by staff who merge them, keep both or
 * mark them distinct; merges can be undone.
 */
@NullMarked
package org.infointerview.contacts.matching;

import org.jspecify.annotations.NullMarked;
