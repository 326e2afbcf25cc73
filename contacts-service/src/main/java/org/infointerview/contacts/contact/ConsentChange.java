package org.infointerview.contacts.contact;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a person's consent history: what it became, who changed it, when.
 *
 * @param actorId the user who changed it, or the import's id; null for an unattended sync
 */
public record ConsentChange(
    Consent consent, ConsentActor actor, @Nullable String actorId, Instant at) {}
