/** Work a service does every so often while it runs. */
@NullMarked
package org.infointerview.support.schedule;

import org.jspecify.annotations.NullMarked;
