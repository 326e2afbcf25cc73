/** Events produced by contacts-service on {@code contacts.events}. */
package org.infointerview.events.contacts;
