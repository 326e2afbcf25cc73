/** contacts-service: the people students talk to, and the organizations they work for. */
@NullMarked
package org.infointerview.contacts;

import org.jspecify.annotations.NullMarked;
