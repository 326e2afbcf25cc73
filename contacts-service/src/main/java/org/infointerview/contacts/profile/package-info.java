/**
 * The platform's profile of each person who signs in: provisioned at first sign-in from what the
 * identity provider says, kept current, announced to the other services by event.
 */
@NullMarked
package org.infointerview.contacts.profile;

import org.jspecify.annotations.NullMarked;
