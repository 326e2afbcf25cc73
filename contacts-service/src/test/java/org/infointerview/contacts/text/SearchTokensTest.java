package org.infointerview.contacts.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * People's names from many languages, each found by what a person would type: every typed word
 * starts one of the name's tokens, as search asks of the index.
 */
class SearchTokensTest {

  @ParameterizedTest(name = "{0} {1} found by \"{2}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "José | Núñez | jose nunez",
        "Søren | Kierkegaard | soren",
        "Søren | Kierkegaard | soeren kierkegaard",
        "Jan | Łukasiewicz | lukasiewicz",
        "Conor | O'Brien | obrien",
        "Conor | O'Brien | o'brien",
        "Conor | O’Brien | obrien",
        "Thomas | Müller | mueller",
        "Thomas | Müller | muller",
        "Thomas | Müller | MÜLLER",
        "Anna | van der Berg | vanderberg",
        "Anna | van der Berg | van der berg",
        "Anna | Van Der Berg | vanderb",
        "Karl | Großmann | grossmann",
        "Zoë | Saldaña | zoe saldana",
        "Björk | Guðmundsdóttir | bjork gudmundsdottir",
        "Þóra | Jónsdóttir | thora jonsdottir",
        "Ægir | Þórsson | aegir",
        "Mary-Jane | Smith-Jones | smithjones",
        "Mary-Jane | Smith-Jones | maryjane smith",
        "Jean-Luc | Picard | jean luc picard",
        "Minh Khai | Nguyễn | nguyen",
        "Văn Lâm | Đặng | dang van lam",
        "İsmail | Yılmaz | ismail yilmaz",
        "Ayşe | Çelik | ayse celik",
        "François | Lefèvre | francois lefevre",
        "Małgorzata | Wiśniewska | malgorzata wisniewska",
        "Antonín | Dvořák | dvorak",
        "Ana | de la Cruz | delacruz",
        "Siobhán | Ní Bhriain | siobhan nibhriain",
        "Åsa | Ångström | asa angstrom",
        "Åsa | Ångström | aasa",
        "Chloé | D'Arcy | chloe darcy",
        "Wěi | Zhang | wei zhang",
        "Дмитрий | Иванов | иванов",
        "Дмитрий | Иванов | ДМИТРИЙ",
        "Γιώργος | Παπαδόπουλος | γιωργος παπαδοπουλος",
        "太郎 | 田中 | 田中",
        "Ole | Hansen-Bjørnstad | bjornstad",
        "Marie | Curie-Skłodowska | sklodowska",
        "Mohammed | Al-Fayed | alfayed",
        "Renée | Saint-Exupéry | saintexupery",
        "Nuño | Ibáñez | nuno ibanez",
        "Eóin | Mac Giolla Phádraig | macgiollaphadraig"
      })
  void aNameIsFoundByWhatAPersonWouldType(String given, String family, String typed) {
    List<String> tokens = SearchTokens.ofNames(given, family);

    assertThat(SearchTokens.words(typed, "q"))
        .isNotEmpty()
        .allSatisfy(word -> assertThat(tokens).anySatisfy(t -> assertThat(t).startsWith(word)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Thomas | Müller | miller",
        "Anna | van der Berg | vandenberg",
        "Jan | Nowak | now x"
      })
  void aNameIsNotFoundByAnotherOne(String given, String family, String typed) {
    List<String> tokens = SearchTokens.ofNames(given, family);

    assertThat(SearchTokens.words(typed, "q"))
        .anySatisfy(word -> assertThat(tokens).noneMatch(t -> t.startsWith(word)));
  }
}
