/**
 * Whom mail can go to: each person's address, name and time zone, fed by contacts-service's {@code
 * UserProfileProvisioned} events.
 */
@NullMarked
package org.infointerview.notifications.recipient;

import org.jspecify.annotations.NullMarked;
