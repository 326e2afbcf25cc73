package org.infointerview.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.security.CurrentUser;
import org.infointerview.support.security.Role;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail as features write it and admins read it over HTTP. */
@ServiceIT
class AuditTrailIT {

  ApiClient api;

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  @Autowired AuditLog audit;
  @Autowired JsonMapper jsonMapper;

  @Value("${local.server.port}")
  int port;

  @Test
  void anAdminFindsWhoDidWhatToWhoseDataAndWhy() {
    String advisor = "advisor-" + UUID.randomUUID();
    String student = IDP.userId("student-" + UUID.randomUUID());
    CurrentUser actor =
        new CurrentUser(
            IDP.userId(advisor),
            IDP.issuerUri(),
            advisor,
            null,
            null,
            false,
            Set.of(Role.ADVISOR),
            null);
    audit.record(actor, "NOTES_READ", "Interview", "i-1", student, "shared for advising");
    audit.record(actor, "EXPORT", "Contact", "c-9", null, "directory export");

    JsonNode found =
        jsonMapper.readTree(
            new ApiClient(port)
                .get(
                    "/audit?actorId="
                        + URLEncoder.encode(IDP.userId(advisor), StandardCharsets.UTF_8)
                        + "&action=NOTES_READ",
                    IDP.token("root", "admin"))
                .body());

    assertThat(found).hasSize(1);
    JsonNode entry = found.get(0);
    assertThat(entry.get("actorId").asString()).isEqualTo(IDP.userId(advisor));
    assertThat(entry.get("subjectId").asString()).isEqualTo(student);
    assertThat(entry.get("purpose").asString()).isEqualTo("shared for advising");
    assertThat(entry.get("service").asString()).isEqualTo("contacts-service");
    assertThat(entry.get("actorRoles").get(0).asString()).isEqualTo("ADVISOR");
  }

  @Test
  void onlyAdminsReadItAndPageSizesAreBounded() {

    assertThat(api.get("/audit", IDP.token("s", "student")).statusCode()).isEqualTo(403);
    assertThat(api.get("/audit", IDP.token("a", "advisor")).statusCode()).isEqualTo(403);
    assertThat(api.get("/audit?size=100000", IDP.token("root", "admin")).statusCode())
        .isEqualTo(400);
    assertThat(api.get("/audit?from=yesterday", IDP.token("root", "admin")).statusCode())
        .isEqualTo(400);
  }

  /**
   * Entries are added and read, never removed; the one change is a person's erasure, which puts the
   * erasure's reference where the entries named them (PersonErasureIT).
   */
  @Test
  void theAuditLogOffersNoWayToChangeOrRemoveAnEntry() {
    assertThat(
            Arrays.stream(AuditLog.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName))
        .containsExactlyInAnyOrder(
            "record", "recordBySystem", "find", "about", "aboutByOthers", "anonymize");
    assertThat(new ApiClient(port).delete("/audit", IDP.token("root", "admin")).statusCode())
        .isEqualTo(405);
  }
}
