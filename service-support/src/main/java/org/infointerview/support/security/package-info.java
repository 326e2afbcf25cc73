/** Who is calling: token validation, our roles, the caller's identity. */
@NullMarked
package org.infointerview.support.security;

import org.jspecify.annotations.NullMarked;
