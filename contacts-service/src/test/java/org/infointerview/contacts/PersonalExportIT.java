package org.infointerview.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infointerview.contacts.contact.InstitutionContacts;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.Archives;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /me/export} over HTTP: a student's archive holds their profile, their own contacts
 * (JSON, and the CSV the contacts page downloads, with their notes) and the audit entries about
 * them; an alumnus' holds the directory's record of them with its consent history; nobody's holds
 * anyone else's contacts.
 */
@ServiceIT
class PersonalExportIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  ApiClient api;

  @Autowired JsonMapper json;
  @Autowired AggregateStore store;

  @Test
  void eachPersonGetsTheirProfileTheirContactsAndTheRecordsAboutThem() {
    String studentSubject = "student-" + UUID.randomUUID();
    String student = IDP.token(studentSubject, "student");
    HttpResponse<String> added =
        api.post(
            "/contacts",
            student,
            """
            {"givenName": "Priyanka", "familyName": "Raman", "emails": ["priya@example.org"],
             "organizationName": "Northwind Health", "notes": "=cmd|' /C calc'!A0 met at the fair"}
            """);
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    String contactId = json.readTree(added.body()).get("id").asString();
    api.get("/me", student);

    String address = "ada-" + UUID.randomUUID() + "@example.org";
    var record = new InstitutionContacts(store).adaLovelace(address);
    String alumnus =
        IDP.token(
            "alumnus-" + UUID.randomUUID(),
            TestIdentityProvider.AUDIENCE,
            Map.of("roles", List.of("alum"), "email", address, "email_verified", true));
    assertThat(api.get("/me", alumnus).statusCode()).isEqualTo(200);

    Map<String, String> mine = export(student);

    assertThat(mine.keySet())
        .containsExactlyInAnyOrder(
            "profile.json",
            "contacts.json",
            "contacts.csv",
            "records-about-you.json",
            "imports.json",
            "audit-about-you.json",
            "manifest.json");
    assertThat(List.copyOf(mine.keySet())).last().isEqualTo("manifest.json");
    assertThat(json.readTree(mine.get("profile.json")).get("userId").asString())
        .isEqualTo(IDP.userId(studentSubject));
    JsonNode contacts = json.readTree(mine.get("contacts.json"));
    assertThat(contacts.size()).isEqualTo(1);
    assertThat(contacts.get(0).get("id").asString()).isEqualTo(contactId);
    assertThat(contacts.get(0).get("notes").asString()).contains("met at the fair");
    List<String> rows = mine.get("contacts.csv").lines().toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1))
        .contains(contactId, "priya@example.org")
        .as("a note a spreadsheet would run is written as text")
        .contains("'=cmd|");
    assertThat(json.readTree(mine.get("records-about-you.json")).size()).isZero();
    assertThat(json.readTree(mine.get("manifest.json")).get("complete").asBoolean()).isTrue();

    Map<String, String> theirs = export(alumnus);
    JsonNode records = json.readTree(theirs.get("records-about-you.json"));
    assertThat(records.size()).isEqualTo(1);
    assertThat(records.get(0).get("id").asString()).isEqualTo(record.id());
    assertThat(records.get(0).get("consentHistory").isArray()).isTrue();
    assertThat(json.readTree(theirs.get("contacts.json")).size()).isZero();
    assertThat(String.join("\n", theirs.values())).doesNotContain(contactId, "Priyanka");
  }

  private Map<String, String> export(String token) {
    HttpResponse<byte[]> response = api.download("/me/export", token);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    return Archives.files(response.body());
  }
}
