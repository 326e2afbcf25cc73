package org.infointerview.contacts.contact;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a person agrees to, as they (signed in as an alumnus) or an admin set it. Absent optional
 * fields mean: the platform's default (contact through the platform, by email, no monthly limit,
 * not paused).
 */
record ConsentRequest(
    @NotNull Boolean optedIn,
    @Nullable ContactPreference contactPreference,
    @Nullable ContactChannel channel,
    @Min(1) @Max(31) @Nullable Integer maxRequestsPerMonth,
    @Nullable Instant pausedUntil,
    @Nullable Boolean doNotContact) {

  Consent consent() {
    return ConsentBuilder.builder()
        .optedIn(optedIn)
        .preference(contactPreference == null ? ContactPreference.VIA_PLATFORM : contactPreference)
        .channel(channel == null ? ContactChannel.EMAIL : channel)
        .maxRequestsPerMonth(maxRequestsPerMonth)
        .pausedUntil(pausedUntil)
        .doNotContact(Boolean.TRUE.equals(doNotContact))
        .build();
  }
}
