package org.infointerview.contacts.profile;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.infointerview.support.validation.PlainText;
import org.jspecify.annotations.Nullable;

/**
 * Whom an admin erases, by the id their sign-in has or the address they signed in with (one of the
 * two), and on what grounds.
 */
record PersonErasureRequest(
    @Nullable @Size(max = 300) @PlainText String userId,
    @Nullable @Size(max = 254) @Email String email,
    @Nullable @Size(max = 500) @PlainText(lines = true) String reason) {

  @AssertTrue(message = "name the person by userId or by email, one of the two")
  boolean isOnePerson() {
    return (userId == null || userId.isBlank()) != (email == null || email.isBlank());
  }
}
