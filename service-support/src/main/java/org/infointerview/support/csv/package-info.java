/** CSV files people open in spreadsheets: cells that never run as formulas. */
@NullMarked
package org.infointerview.support.csv;

import org.jspecify.annotations.NullMarked;
