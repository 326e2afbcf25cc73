/**
 * Mail, exactly once per fact, recipient and kind: each message is rendered from its templates into
 * a {@link org.infointerview.notifications.delivery.Delivery} record before anything is sent, then
 * sent (at once, and again with growing pauses while the mail server is away) under a lease that
 * keeps two instances from sending the same one.
 */
@NullMarked
package org.infointerview.notifications.delivery;

import org.jspecify.annotations.NullMarked;
