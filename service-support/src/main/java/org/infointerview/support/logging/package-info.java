/** Logging defaults every deployable shares. */
@NullMarked
package org.infointerview.support.logging;

import org.jspecify.annotations.NullMarked;
