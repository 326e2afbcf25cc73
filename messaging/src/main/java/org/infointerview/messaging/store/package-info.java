/**
 * Reading a whole collection in bounded pages ({@link
 * org.infointerview.messaging.store.StorePages}), whatever the store does with cursors.
 */
@NullMarked
package org.infointerview.messaging.store;

import org.jspecify.annotations.NullMarked;
