package org.infointerview.contacts.contact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the latest import did to a contact, so that import can be undone: remove a contact it
 * created, or put back the details and consent it replaced. Only while nobody changed the contact
 * since ({@code versionAfter}).
 *
 * @param importId the import
 * @param created whether the import created the contact
 * @param before the details the import replaced; null when it created the contact
 * @param consentBefore the consent the import replaced; null when it created the contact
 * @param versionAfter the contact's version right after the import wrote it
 * @param at when
 */
public record ImportMark(
    String importId,
    boolean created,
    @Nullable ContactDetails before,
    @Nullable Consent consentBefore,
    long versionAfter,
    Instant at) {}
