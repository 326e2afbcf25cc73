/**
 * Consuming events: the envelope as it arrives ({@link
 * org.infointerview.messaging.consumer.IncomingEvent}) and the duplicate check written once ({@link
 * org.infointerview.messaging.consumer.ProcessedEvents}).
 */
@NullMarked
package org.infointerview.messaging.consumer;

import org.jspecify.annotations.NullMarked;
