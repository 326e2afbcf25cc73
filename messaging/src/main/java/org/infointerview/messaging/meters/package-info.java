/** Helpers for the services' own meters. */
@NullMarked
package org.infointerview.messaging.meters;

import org.jspecify.annotations.NullMarked;
