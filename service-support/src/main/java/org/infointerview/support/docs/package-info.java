/** What every service's OpenAPI document says the same way: its name, its address, its sign-in. */
@NullMarked
package org.infointerview.support.docs;

import org.jspecify.annotations.NullMarked;
