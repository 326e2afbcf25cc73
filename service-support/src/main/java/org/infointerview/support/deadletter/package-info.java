/** Dead letters: an admin lists this service's and re-drives chosen ones after a fix. */
@NullMarked
package org.infointerview.support.deadletter;

import org.jspecify.annotations.NullMarked;
