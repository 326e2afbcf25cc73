/**
 * What the servlet container itself answers, before any filter could: its error pages as problems.
 */
@NullMarked
package org.infointerview.support.container;

import org.jspecify.annotations.NullMarked;
