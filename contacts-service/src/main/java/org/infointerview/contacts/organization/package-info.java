/**
 * Organizations as records: employers and other places alumni work, with website and domain,
 * industry, location and size, kept free of duplicates by their normalized name and domain.
 */
@NullMarked
package org.infointerview.contacts.organization;

import org.jspecify.annotations.NullMarked;
