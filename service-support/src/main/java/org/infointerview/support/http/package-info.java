/** Limits every HTTP deployable enforces itself, whatever sits in front of it. */
@NullMarked
package org.infointerview.support.http;

import org.jspecify.annotations.NullMarked;
