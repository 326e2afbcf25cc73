/**
 * What interviews-service knows of contacts: a read model fed by contacts-service's events, never
 * written by this service's own API.
 */
@NullMarked
package org.infointerview.interviews.contact;

import org.jspecify.annotations.NullMarked;
