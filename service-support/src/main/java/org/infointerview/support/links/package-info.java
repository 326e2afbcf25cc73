/** Links that carry their own credential: signed tokens in mail for people without an account. */
@NullMarked
package org.infointerview.support.links;

import org.jspecify.annotations.NullMarked;
