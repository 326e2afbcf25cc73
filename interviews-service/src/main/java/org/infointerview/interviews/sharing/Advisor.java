package org.infointerview.interviews.sharing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A career advisor a student may share with, as contacts-service's profile says (kept from {@code
 * UserProfileProvisioned}; someone whose roles no longer include ADVISOR is removed).
 *
 * @param id the advisor's user id ({@code issuer|subject})
 * @param profileVersion the profile's version this was written from
 */
@Document(Advisor.COLLECTION)
record Advisor(@Id String id, String displayName, long profileVersion) {

  static final String COLLECTION = "advisors";
}
