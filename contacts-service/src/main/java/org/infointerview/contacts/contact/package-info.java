/** Contacts: a student's own, alumni and directory people, with their consent. */
@NullMarked
package org.infointerview.contacts.contact;

import org.jspecify.annotations.NullMarked;
