package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Outbox;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search as each role sees it. Every test works in a world of its own: a unique organization name
 * or word that only its own fixtures carry.
 */
@ServiceIT
class ContactSearchIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @Autowired JsonMapper json;
  @Autowired AggregateStore store;
  @Autowired Outbox outbox;

  ApiClient api;
  private InstitutionContacts alumni;

  @BeforeEach
  void setUp() {
    alumni = new InstitutionContacts(store);
  }

  @Test
  void aStudentFindsTheirOwnContactsAndOptedInPeopleAndNothingElse() {
    String world = world();
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    String classmate = IDP.token("student-" + UUID.randomUUID(), "student");
    String own = personal(student, "Mine", world);
    String theirs = personal(classmate, "Theirs", world);
    Contact optedIn = alumnus("Open", world, ContactPreference.VIA_PLATFORM, 2012);
    Contact silent =
        alumni.alumnus(
            "Silent",
            "Person",
            "s-" + UUID.randomUUID() + "@example.org",
            world,
            "Engineer",
            2012,
            "Physics",
            List.of("STEM"),
            InstitutionContacts.notAsked());

    List<String> found = ids(search(student, "organization=" + world));
    List<String> ownOnly = ids(search(student, "organization=" + world + "&scope=own"));
    List<String> advisor = ids(search(IDP.token("adv", "advisor"), "organization=" + world));
    List<String> admin = ids(search(IDP.token("adm", "admin"), "organization=" + world));

    assertThat(found).containsExactlyInAnyOrder(own, optedIn.id());
    assertThat(found).doesNotContain(theirs, silent.id());
    assertThat(ownOnly).containsExactly(own);
    assertThat(advisor).containsExactly(optedIn.id());
    assertThat(admin).containsExactlyInAnyOrder(optedIn.id(), silent.id());
  }

  @Test
  void freeTextMatchesWordStartsInNamesOrganizationAndTitleIgnoringCaseAndAccents() {
    String world = world();
    Contact jose = alumnus("José", world, ContactPreference.SHOW_EMAIL, 2015);
    alumnus("Maria", world, ContactPreference.SHOW_EMAIL, 2015);
    String student = IDP.token("student-" + UUID.randomUUID(), "student");

    assertThat(ids(search(student, "q=" + enc("jose " + world)))).containsExactly(jose.id());
    assertThat(ids(search(student, "q=" + enc("JOS " + world.substring(0, 12)))))
        .containsExactly(jose.id());
    assertThat(ids(search(student, "q=" + enc(world) + "&title=" + enc("data scien")))).hasSize(2);
    assertThat(ids(search(student, "q=" + enc(world + " nobody")))).isEmpty();
  }

  @Test
  void namesAreFoundAsPeopleTypeThemWithoutTheirLettersOrParticles() {
    String world = world();
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    String soren = personal(student, "Søren", "Kierkegaard", world);
    String conor = personal(student, "Conor", "O'Brien", world);
    String thomas = personal(student, "Thomas", "Müller", world);
    String anna = personal(student, "Anna", "van der Berg", world);
    String jan = personal(student, "Jan", "Łukasiewicz", world);

    assertThat(ids(search(student, "q=soren&organization=" + world))).containsExactly(soren);
    assertThat(ids(search(student, "q=obrien&organization=" + world))).containsExactly(conor);
    assertThat(ids(search(student, "q=mueller&organization=" + world))).containsExactly(thomas);
    assertThat(ids(search(student, "q=vanderberg&organization=" + world))).containsExactly(anna);
    assertThat(ids(search(student, "q=lukasiewicz&organization=" + world))).containsExactly(jan);
  }

  @Test
  void filtersCombineGraduationYearsCareerFieldsMajorAndPlace() {
    String world = world();
    Contact early = alumnus("Early", world, ContactPreference.SHOW_EMAIL, 2001);
    Contact late = alumnus("Late", world, ContactPreference.SHOW_EMAIL, 2019);
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    String base = "organization=" + world;

    assertThat(ids(search(student, base + "&graduatedFrom=2010"))).containsExactly(late.id());
    assertThat(ids(search(student, base + "&graduatedTo=2010&careerField=HEALTH_SCIENCE")))
        .containsExactly(early.id());
    assertThat(ids(search(student, base + "&careerField=FINANCE"))).isEmpty();
    assertThat(ids(search(student, base + "&major=statistics&country=us&city=chicago"))).hasSize(2);
    assertThat(ids(search(student, base + "&timeZone=America/Chicago&sort=graduationYear")))
        .containsExactly(late.id(), early.id());
    assertThat(ids(search(student, base + "&source=ALUMNI_IMPORT&sort=name")))
        .containsExactly(early.id(), late.id());
  }

  @Test
  void pagesAreAtMostAHundredAndSayWhetherMoreFollow() {
    String world = world();
    for (int i = 0; i < 3; i++) {
      alumnus("Person" + i, world, ContactPreference.SHOW_EMAIL, 2010 + i);
    }
    String student = IDP.token("student-" + UUID.randomUUID(), "student");

    JsonNode first = json.readTree(search(student, "organization=" + world + "&size=2").body());
    JsonNode second =
        json.readTree(search(student, "organization=" + world + "&size=2&page=1").body());

    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("hasMore").asBoolean()).isTrue();
    assertThat(second.get("items")).hasSize(1);
    assertThat(second.get("hasMore").asBoolean()).isFalse();
    assertThat(search(student, "size=100000").statusCode()).isEqualTo(400);
    assertThat(search(student, "page=-1").statusCode()).isEqualTo(400);
    assertThat(search(student, "size=0").statusCode()).isEqualTo(400);
  }

  @Test
  void queryOperatorsInParametersAreRefusedAndNeverReachTheStore() {
    String world = world();
    alumnus("Hidden", world, ContactPreference.SHOW_EMAIL, 2010);
    String student = IDP.token("student-" + UUID.randomUUID(), "student");

    for (String injection :
        List.of(
            enc("careerField[$ne]") + "=x",
            enc("organization[$regex]") + "=" + enc(".*"),
            "where=" + enc("this.a == 1"),
            "careerField=" + enc("{\"$ne\": null}"),
            "industry=$where",
            "country=" + enc("$ne"),
            "timeZone=" + enc("{$gt:''}"),
            "sort=" + enc("{\"$natural\": 1}"),
            "q=" + enc("x".repeat(101)),
            "q=" + enc("a b c d e f g h i"),
            "source=NOT_A_SOURCE",
            "graduatedFrom=" + enc("{\"$gt\": 0}"))) {
      HttpResponse<String> response = search(student, injection);
      assertThat(response.statusCode()).as(injection).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(injection)
          .hasValue("application/problem+json");
    }
    assertThat(search(student, "careerField[$ne]=x").statusCode()).isEqualTo(400);
    assertThat(ids(search(student, "organization=" + enc(".*")))).isEmpty();
    assertThat(ids(search(student, "q=" + enc("$where")))).isEmpty();
  }

  @Test
  void anAlumnusHasNoDirectoryToSearch() {
    assertThat(search(IDP.token("alum-" + UUID.randomUUID(), "alum"), "q=x").statusCode())
        .isEqualTo(403);
  }

  private Contact alumnus(
      String givenName, String organization, ContactPreference preference, int year) {
    return alumni.alumnus(
        givenName,
        "Zu" + givenName,
        givenName.toLowerCase() + "-" + UUID.randomUUID() + "@example.org",
        organization,
        "Data Scientist",
        year,
        "Statistics",
        List.of(year < 2010 ? "HEALTH_SCIENCE" : "STEM"),
        InstitutionContacts.optedIn(preference));
  }

  private String personal(String token, String givenName, String organization) {
    return personal(token, givenName, "Contact", organization);
  }

  private String personal(String token, String givenName, String familyName, String organization) {
    HttpResponse<String> created =
        api.post(
            "/contacts",
            token,
            "{\"givenName\": \""
                + givenName
                + "\", \"familyName\": \""
                + familyName
                + "\", \"organizationName\": \""
                + organization
                + "\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    return json.readTree(created.body()).get("id").asString();
  }

  private HttpResponse<String> search(String token, String query) {
    return api.get("/contacts?" + query, token);
  }

  private List<String> ids(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("items").findValuesAsString("id");
  }

  private static String world() {
    return "Org" + UUID.randomUUID().toString().replace("-", "");
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
