package org.infointerview.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notes on a contact: a student's own on their contacts, seen by them alone; staff's on institution
 * contacts, seen by advisors and admins, never by students or the person.
 */
@ServiceIT
class ContactNotesIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final String NOTES =
      "Met at the spring career fair.\nPrefers email.\n\tAsk about nursing.";

  @Autowired MongoTemplate mongo;
  @Autowired JsonMapper json;
  @Autowired AggregateStore store;

  ApiClient api;

  @Test
  void aStudentsNotesOnTheirOwnContactKeepTheirLinesAndAreTheirsAlone() {
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    HttpResponse<String> created =
        api.post(
            "/contacts",
            student,
            "{\"givenName\": \"Rosa\", \"familyName\": \"Park\", \"notes\": "
                + json.writeValueAsString(NOTES.replace("\n", "\r\n") + "\n\n")
                + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).get("id").asString();

    assertThat(json.readTree(api.get("/contacts/" + id, student).body()).get("notes").asString())
        .isEqualTo(NOTES);
    assertThat(mongo.findById(id, Contact.class).details().notes()).isEqualTo(NOTES);
    assertThat(
            api.get("/contacts/" + id, IDP.token("other-" + UUID.randomUUID(), "student"))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void staffNotesOnAnAlumnusAreForStaffAndSurviveTheAlumnusEditingTheirProfile() {
    String subject = "alumnus-" + UUID.randomUUID();
    Contact alumnus =
        new InstitutionContacts(store)
            .linkedAlumnus(
                IDP.userId(subject), "Notes" + UUID.randomUUID().toString().substring(0, 8));
    String admin = IDP.token("admin-" + UUID.randomUUID(), "admin");
    JsonNode read = json.readTree(api.get("/contacts/" + alumnus.id(), admin).body());
    String body =
        "{\"givenName\": \"Linked\", \"familyName\": "
            + json.writeValueAsString(alumnus.details().familyName())
            + ", \"emails\": "
            + json.writeValueAsString(alumnus.details().emails())
            + ", \"notes\": \"Spoke at the 2024 panel.\\nGenerous with time.\"}";
    HttpResponse<String> replaced =
        api.send(
            "PUT",
            "/contacts/" + alumnus.id(),
            admin,
            body,
            Map.of("If-Match", "\"" + read.get("version").asLong() + "\""));
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);

    String advisor = IDP.token("advisor-" + UUID.randomUUID(), "advisor");
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    String person = IDP.token(subject, "alumnus");
    assertThat(
            json.readTree(api.get("/contacts/" + alumnus.id(), advisor).body())
                .get("notes")
                .asString())
        .isEqualTo("Spoke at the 2024 panel.\nGenerous with time.");
    assertThat(
            json.readTree(api.get("/contacts/" + alumnus.id(), student).body())
                .get("notes")
                .isNull())
        .as("never to students")
        .isTrue();
    JsonNode own = json.readTree(api.get("/me/profile", person).body());
    assertThat(own.get("notes").isNull()).as("never to the person").isTrue();

    HttpResponse<String> edited =
        api.send(
            "PUT",
            "/me/profile",
            person,
            "{\"jobTitle\": \"Staff Engineer\"}",
            Map.of("If-Match", "\"" + own.get("version").asLong() + "\""));
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(mongo.findById(alumnus.id(), Contact.class).details().notes())
        .as("kept when the person edits their profile")
        .isEqualTo("Spoke at the 2024 panel.\nGenerous with time.");
  }

  @Test
  void notesWithControlCharactersOrTooLongAreRefusedByFieldAndNothingIsStored() {
    String student = IDP.token("student-" + UUID.randomUUID(), "student");
    String family = "Refused" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> control =
        api.post(
            "/contacts",
            student,
            "{\"givenName\": \"A\", \"familyName\": \""
                + family
                + "\", \"notes\": \"bell \\u0007\"}");
    HttpResponse<String> tooLong =
        api.post(
            "/contacts",
            student,
            "{\"givenName\": \"A\", \"familyName\": \""
                + family
                + "\", \"notes\": \""
                + "x".repeat(4001)
                + "\"}");

    assertThat(control.statusCode()).isEqualTo(400);
    assertThat(control.body()).contains("\"field\":\"notes\"", "control characters");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("\"field\":\"notes\"", "at most 4000");
    assertThat(
            mongo.count(
                org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("details.familyName")
                        .is(family)),
                Contact.class))
        .isZero();
  }
}
