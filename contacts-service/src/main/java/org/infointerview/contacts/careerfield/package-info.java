/**
 * The taxonomy of career fields (the 16 career clusters) and industries that contacts are filed
 * under; admins edit it.
 */
@NullMarked
package org.infointerview.contacts.careerfield;

import org.jspecify.annotations.NullMarked;
