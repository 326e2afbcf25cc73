package org.infointerview.support.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One audited act.
 *
 * @param id the entry's id
 * @param at when it happened
 * @param service the service that recorded it
 * @param actorId who acted ({@code issuer|subject})
 * @param actorRoles the actor's roles at the time
 * @param action what was done, such as {@code NOTES_READ}, {@code CONSENT_CHANGED}, {@code IMPORT},
 *     {@code MERGE}, {@code EXPORT}, {@code ERASURE}
 * @param resourceType the kind of record, such as {@code Contact}
 * @param resourceId the record
 * @param subjectId whose data it is, when that is a person other than the actor
 * @param purpose why, as the actor or the feature states it
 */
public record AuditEntry(
    String id,
    Instant at,
    String service,
    String actorId,
    List<String> actorRoles,
    String action,
    String resourceType,
    String resourceId,
    @Nullable String subjectId,
    String purpose) {}
