package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkedinKeyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.linkedin.com/in/jane-doe-1234 | linkedin.com/in/jane-doe-1234",
        "http://linkedin.com/in/Jane-Doe-1234/ | linkedin.com/in/jane-doe-1234",
        "linkedin.com/in/jane-doe-1234?trk=public_profile#about | linkedin.com/in/jane-doe-1234",
        "https://de.linkedin.com/in/j%C3%BCrgen-m | linkedin.com/in/jürgen-m",
        "https://www.linkedin.com/in/JÜRGEN-M// | linkedin.com/in/jürgen-m",
        "HTTPS://WWW.LINKEDIN.COM//in//jane | linkedin.com/in/jane",
        "  www.linkedin.com/in/jane  | linkedin.com/in/jane"
      })
  void spellingsOfOneProfileShareTheirKey(String url, String key) {
    assertThat(LinkedinKey.of(url)).isEqualTo(key);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "null",
        "'   '",
        "https://example.org/in/jane",
        "https://notlinkedin.com/in/jane",
        "https://www.linkedin.com/",
        "https://www.linkedin.com",
        "https://www.linkedin.com/in/ja ne"
      })
  void whatIsNoLinkedInProfileHasNoKey(String url) {
    assertThat(LinkedinKey.of(url)).isNull();
  }
}
