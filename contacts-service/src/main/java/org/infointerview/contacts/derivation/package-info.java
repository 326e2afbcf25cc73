/**
 * Career fields and industry derived for institution contacts from their major, title and employer
 * with a mapping table admins edit and re-apply; a derived value is marked as such (provenance) and
 * never overrides one a person, an admin or a file set.
 */
@NullMarked
package org.infointerview.contacts.derivation;

import org.jspecify.annotations.NullMarked;
