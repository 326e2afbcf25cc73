package org.infointerview.notifications.preference;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.infointerview.support.validation.TimeZoneId;
import org.jspecify.annotations.Nullable;

record PreferencesRequest(
    @NotNull Boolean emailReminders,
    @NotNull Boolean inAppReminders,
    @Size(max = 64) @TimeZoneId @Nullable String timeZone,
    @Pattern(regexp = "en|es", message = "must be en or es") @Nullable String language) {}
