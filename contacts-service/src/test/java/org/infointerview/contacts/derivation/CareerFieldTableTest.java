package org.infointerview.contacts.derivation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.infointerview.contacts.contact.AlumniFacts;
import org.infointerview.contacts.contact.ContactDetails;
import org.infointerview.contacts.contact.ContactDetailsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CareerFieldTableTest {

  private final CareerFieldTable seed = new CareerFieldTable(1, CareerFieldRuleSeed.RULES);

  @ParameterizedTest(name = "{0} / {1} / {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "Registered Nurse | - | - | HEALTH_SCIENCE | HEALTHCARE",
        "- | Nursing | - | HEALTH_SCIENCE | -",
        "- | Computer Science | - | INFORMATION_TECHNOLOGY | -",
        "Senior Software Engineer | - | Acme Software | INFORMATION_TECHNOLOGY STEM | SOFTWARE_INTERNET",
        "Data Scientist | Statistics | Northwestern Memorial Hospital | INFORMATION_TECHNOLOGY STEM | HEALTHCARE",
        "Teacher | Education | Lincoln Park Schools | EDUCATION_TRAINING | K12_EDUCATION",
        "Associate | - | Baker McKenzie LLP | - | LEGAL_SERVICES",
        "Researcher | Artificial Intelligence | - | STEM | -",
        "- | Art History | - | ARTS_AV_COMMUNICATIONS | -",
        "Chef | Hospitality Management | Hilton Hotels | HOSPITALITY_TOURISM BUSINESS_MANAGEMENT | HOSPITALITY",
        "Barista | Undeclared | Corner Café | - | -"
      })
  void majorsTitlesAndEmployersAreFiledAsPeopleWouldFileThem(
      String title, String major, String employer, String fields, String industry) {
    ContactDetails derived = seed.derive(details(title, major, employer), true, true);

    assertThat(derived.careerFields())
        .containsExactlyElementsOf(fields == null ? List.of() : List.of(fields.split(" ")));
    assertThat(derived.industry()).isEqualTo(industry);
  }

  @Test
  void onlyTheFieldsAllowedAreDerivedAndAtMostThreeCareerFields() {
    ContactDetails set =
        details("Nurse Engineer Software Teacher", "Nursing", "City Hospital")
            .withCareerFields(List.of("FINANCE"));

    assertThat(seed.derive(set, false, true).careerFields()).containsExactly("FINANCE");
    assertThat(seed.derive(set, false, true).industry()).isEqualTo("HEALTHCARE");
    assertThat(seed.derive(set, true, false).careerFields()).hasSize(3);
    assertThat(seed.derive(set, true, false).industry()).isNull();
  }

  private static ContactDetails details(String title, String major, String employer) {
    return ContactDetailsBuilder.builder()
        .givenName("Ada")
        .familyName("Byron")
        .jobTitle(title)
        .organizationName(employer)
        .alumni(major == null ? null : new AlumniFacts(null, 2010, null, major, null))
        .build();
  }
}
