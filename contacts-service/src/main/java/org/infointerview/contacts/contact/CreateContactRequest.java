package org.infointerview.contacts.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A student adds a contact of their own. Owner, source and consent are not the student's to set: a
 * body naming them is rejected as a whole (unknown properties fail).
 */
record CreateContactRequest(
    @NotBlank @Size(max = 100) String givenName,
    @NotBlank @Size(max = 100) String familyName,
    @Size(max = 100) @Nullable String preferredName,
    @Size(max = 10) @Nullable List<@NotBlank @Email @Size(max = 254) String> emails,
    @Size(max = 200) @Nullable String organizationName,
    @Size(max = 200) @Nullable String jobTitle,
    @Size(max = 20)
        @Nullable
            List<
                @NotBlank
                @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be a career field code")
                String>
            careerFields,
    @Size(max = 64) @Nullable String timeZone) {

  ContactDetails details() {
    return new ContactDetails(
        givenName.strip(),
        familyName.strip(),
        preferredName == null || preferredName.isBlank() ? null : preferredName.strip(),
        emails == null ? List.of() : emails.stream().map(String::strip).toList(),
        blankToNull(organizationName),
        blankToNull(jobTitle),
        careerFields == null ? List.of() : List.copyOf(careerFields),
        blankToNull(timeZone));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
