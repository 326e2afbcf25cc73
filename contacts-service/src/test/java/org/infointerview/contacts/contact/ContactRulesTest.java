package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.infointerview.contacts.careerfield.CareerFieldCatalog;
import org.infointerview.support.problem.FieldError;
import org.junit.jupiter.api.Test;

class ContactRulesTest {

  private final ContactRules rules =
      new ContactRules(
          CareerFieldCatalog.Snapshot::seed,
          new ContactsProperties("US"),
          Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void phoneNumbersAreNormalizedToE164AndNamesOfCareerFieldsBecomeCodes() {
    ContactRules.Checked checked =
        rules.check(
            draft(
                List.of("Priya@Example.ORG"),
                List.of("(312) 555-0123", "+44 20 7946 0958"),
                List.of("Information Technology", "health_science"),
                "2015"));

    assertThat(checked.errors()).isEmpty();
    assertThat(checked.details().emails()).containsExactly("Priya@example.org");
    assertThat(checked.details().phones()).containsExactly("+13125550123", "+442079460958");
    assertThat(checked.details().careerFields())
        .containsExactly("INFORMATION_TECHNOLOGY", "HEALTH_SCIENCE");
    assertThat(checked.details().alumni().graduationYear()).isEqualTo(2015);
  }

  @Test
  void everyBrokenRuleIsNamedByFieldAtOnce() {
    ContactRules.Checked checked =
        rules.check(
            draft(
                List.of("ok@example.org", "not-an-address"),
                List.of("12"),
                List.of("UNDERWATER_BASKETRY"),
                "1850"));

    assertThat(checked.valid()).isFalse();
    assertThat(checked.errors())
        .extracting(FieldError::field)
        .containsExactly("emails[1]", "phones[0]", "careerFields[0]", "graduationYear");
  }

  @Test
  void namesAreRequiredAndTimeZonesAndCountriesMustExist() {
    ContactDraft draft =
        new ContactDraft(
            " ",
            null,
            null,
            null,
            List.of(),
            List.of(),
            "https://evil.example/in/x",
            null,
            null,
            "NOT_AN_INDUSTRY",
            List.of(),
            null,
            null,
            "XX",
            "Mars/Olympus",
            null,
            null,
            null,
            null,
            null,
            List.of("ok", "=cmd|' /C calc'!A0"));

    assertThat(rules.check(draft).errors())
        .extracting(FieldError::field)
        .containsExactly(
            "givenName", "familyName", "linkedinUrl", "industry", "country", "timeZone", "tags[1]");
  }

  @Test
  void aLinkedInAddressIsNormalizedToHttps() {
    ContactDraft draft =
        new ContactDraft(
            "A",
            "B",
            null,
            null,
            List.of(),
            List.of(),
            "www.linkedin.com/in/priya-raman?trk=x",
            null,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of());

    assertThat(rules.check(draft).details().linkedinUrl())
        .isEqualTo("https://www.linkedin.com/in/priya-raman");
  }

  private static ContactDraft draft(
      List<String> emails, List<String> phones, List<String> careerFields, String year) {
    return new ContactDraft(
        "Priyanka",
        "Raman",
        null,
        null,
        emails,
        phones,
        null,
        null,
        null,
        null,
        careerFields,
        null,
        null,
        null,
        null,
        null,
        year,
        null,
        null,
        null,
        List.of());
  }
}
