/** Bean Validation constraints that request records across the services share. */
@NullMarked
package org.infointerview.support.validation;

import org.jspecify.annotations.NullMarked;
