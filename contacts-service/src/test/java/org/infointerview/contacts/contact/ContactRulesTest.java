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
  void numbersOfOtherRegionsSharingTheHomeCountryCodeAreValidTooAndNonNumbersAreNot() {
    // Toronto and Kingston share +1 with the home region (US) but are not valid there
    ContactRules.Checked checked =
        rules.check(
            draft(List.of(), List.of("+1 416 979 5000", "+1 876 927 1660"), List.of(), null));
    assertThat(checked.errors()).isEmpty();
    assertThat(checked.details().phones()).containsExactly("+14169795000", "+18769271660");

    assertThat(rules.check(draft(List.of(), List.of("+1 999 555 0100"), List.of(), null)).errors())
        .extracting(FieldError::field)
        .containsExactly("phones[0]");
  }

  @Test
  void phonesAreCountedOnceWrittenAlikeSoAReimportBesideTheStoredOnesIsNoOverflow() {
    List<String> stored = List.of("+13125550101", "+13125550102", "+13125550103");
    List<String> file = List.of("(312) 555-0101", "312.555.0102", "+1 312 555 0103");
    List<String> both = new java.util.ArrayList<>(file);
    both.addAll(stored);

    ContactRules.Checked checked = rules.check(draft(List.of(), both, List.of(), null));

    assertThat(checked.errors()).isEmpty();
    assertThat(checked.details().phones()).containsExactlyElementsOf(stored);

    List<String> six =
        List.of(
            "+13125550101",
            "+13125550102",
            "+13125550103",
            "+13125550104",
            "+13125550105",
            "+13125550106");
    assertThat(rules.check(draft(List.of(), six, List.of(), null)).errors())
        .extracting(FieldError::field)
        .containsExactly("phones");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "bell\u0007",
        "nul\u0000",
        "del\u007F",
        "c1\u0085",
        "rlo\u202E",
        "zwsp\u200B",
        "bom\uFEFF",
        "tag\uDB40\uDC01",
        "line\nbreak"
      })
  void controlAndFormatCharactersAreRefusedInAText(String text) {
    assertThat(ContactRules.hasControl(text)).isTrue();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"Plain ASCII ~!@#", "tab\there", "José Núñez", "田中 太郎", "emoji \uD83D\uDE00"})
  void printableTextAndTabsPass(String text) {
    assertThat(ContactRules.hasControl(text)).isFalse();
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
        ContactDraftBuilder.builder()
            .givenName(" ")
            .linkedinUrl("https://evil.example/in/x")
            .industry("NOT_AN_INDUSTRY")
            .country("XX")
            .timeZone("Mars/Olympus")
            .tags(List.of("ok", "=cmd|' /C calc'!A0"))
            .build();

    assertThat(rules.check(draft).errors())
        .extracting(FieldError::field)
        .containsExactly(
            "givenName", "familyName", "linkedinUrl", "industry", "country", "timeZone", "tags[1]");
  }

  @Test
  void aLinkedInAddressIsNormalizedToHttps() {
    ContactDraft draft =
        ContactDraftBuilder.builder()
            .givenName("A")
            .familyName("B")
            .linkedinUrl("www.linkedin.com/in/priya-raman?trk=x")
            .build();

    assertThat(rules.check(draft).details().linkedinUrl())
        .isEqualTo("https://www.linkedin.com/in/priya-raman");
  }

  private static ContactDraft draft(
      List<String> emails, List<String> phones, List<String> careerFields, String year) {
    return ContactDraftBuilder.builder()
        .givenName("Priyanka")
        .familyName("Raman")
        .emails(emails)
        .phones(phones)
        .careerFields(careerFields)
        .graduationYear(year)
        .build();
  }
}
