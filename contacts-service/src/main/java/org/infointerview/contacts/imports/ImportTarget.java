package org.infointerview.contacts.imports;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a column of an import file can fill. Several columns may fill any target: each of theirs
 * adds to email and phone, the first filled one counts for a field of one value; list targets
 * (careerFields, tags) split a cell on {@code ;} or {@code |}.
 */
public enum ImportTarget {
  GIVEN_NAME("givenName"),
  FAMILY_NAME("familyName"),
  PREFERRED_NAME("preferredName"),
  PRONOUNS("pronouns"),
  EMAIL("email"),
  PHONE("phone"),
  LINKEDIN_URL("linkedinUrl"),
  ORGANIZATION("organizationName"),
  JOB_TITLE("jobTitle"),
  INDUSTRY("industry"),
  CAREER_FIELDS("careerFields"),
  CITY("city"),
  REGION("region"),
  COUNTRY("country"),
  TIME_ZONE("timeZone"),
  EXTERNAL_ALUMNI_ID("externalAlumniId"),
  GRADUATION_YEAR("graduationYear"),
  DEGREE("degree"),
  MAJOR("major"),
  COLLEGE("college"),
  TAGS("tags"),
  /** Free text of several lines: staff's notes, or on a student's own file their own. */
  NOTES("notes"),
  OPTED_IN("optedIn"),
  CONTACT_PREFERENCE("contactPreference"),
  MAX_REQUESTS_PER_MONTH("maxRequestsPerMonth"),
  DO_NOT_CONTACT("doNotContact"),
  /** A column read but not used. */
  IGNORE("ignore");

  private final String key;

  ImportTarget(String key) {
    this.key = key;
  }

  /** The name used in mapping profiles and error reports. */
  public String key() {
    return key;
  }

  boolean isConsent() {
    return this == OPTED_IN
        || this == CONTACT_PREFERENCE
        || this == MAX_REQUESTS_PER_MONTH
        || this == DO_NOT_CONTACT;
  }

  public static Optional<ImportTarget> byKey(String key) {
    return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
  }
}
