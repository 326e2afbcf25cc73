/**
 * People in contacts-service who are not (or not only) platform users: the address a message to
 * them goes to, asked of contacts-service when it is sent, and their unsubscribe.
 */
@NullMarked
package org.infointerview.notifications.contact;

import org.jspecify.annotations.NullMarked;
