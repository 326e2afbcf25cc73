package org.infointerview.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infointerview.testinfra.KeycloakServer;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml cannot run here (no Docker engine), so its promises are checked as data: a
 * health check everywhere, dependants that wait for health, pinned images, and only environment
 * variables that the services really read. What the realm and the gateway's settings do in a real
 * Keycloak is {@code KeycloakSignInIT}'s (gateway).
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");
  private static final List<String> OUR_SERVICES =
      List.of(
          "contacts-service", "interviews-service", "notifications-service", "gateway", "web-ui");

  private final Map<String, Map<String, Object>> services = services();

  @Test
  void everyServiceHasAHealthCheck() {
    assertThat(services).isNotEmpty();
    services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
  }

  @Test
  void everyImageTagIsPinned() {
    services.forEach(
        (name, service) -> {
          Object image = service.get("image");
          if (image != null) {
            String tag = image.toString().substring(image.toString().lastIndexOf(':') + 1);
            assertThat(image.toString()).as(name).contains(":");
            assertThat(tag).as(name).isNotEqualTo("latest").matches(".*\\d.*");
          } else {
            assertThat(service).as(name + " is built from this repository").containsKey("build");
          }
        });
  }

  @Test
  @SuppressWarnings("unchecked")
  void dependantsWaitUntilWhatTheyNeedIsHealthy() {
    services.forEach(
        (name, service) -> {
          Object dependsOn = service.get("depends_on");
          if (dependsOn == null) {
            return;
          }
          assertThat(dependsOn).as(name + " names conditions").isInstanceOf(Map.class);
          ((Map<String, Map<String, String>>) dependsOn)
              .forEach(
                  (dependency, condition) ->
                      assertThat(condition.get("condition"))
                          .as(name + " on " + dependency)
                          .isEqualTo("service_healthy"));
        });
  }

  @Test
  @SuppressWarnings("unchecked")
  void ourServicesAreAllThereEachTheDockerfilesTargetOfItsOwnName() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    for (String name : OUR_SERVICES) {
      assertThat(services).containsKey(name);
      Map<String, Object> build = (Map<String, Object>) services.get(name).get("build");
      assertThat(build.get("target")).as(name).isEqualTo(name);
      assertThat(dockerfile)
          .as("a target of its own on the one builder stage")
          .contains("FROM runtime AS " + name + "\n")
          .contains("COPY --from=build --chown=app:app /extracted/" + name + "/application/ ./");
    }
    assertThat(dockerfile.split("\nFROM "))
        .as("the comments, then one builder, one runtime and five targets")
        .hasSize(8);
  }

  /**
   * Maven refuses a reactor whose root POM names a module that is not there, so the image build
   * needs every module the root POM lists, whichever service it builds.
   */
  @Test
  void everyModuleOfTheRootPomReachesTheImageBuild() throws IOException {
    List<String> modules = new ArrayList<>();
    Matcher module =
        Pattern.compile("<module>([^<]+)</module>")
            .matcher(Files.readString(ROOT.resolve("pom.xml")));
    while (module.find()) {
      modules.add(module.group(1));
    }
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    int first = dockerfile.indexOf("\nFROM ");
    String builder = dockerfile.substring(first, dockerfile.indexOf("\nFROM ", first + 1));

    assertThat(modules).contains("benchmarks", "local-run", "gateway");
    assertThat(builder).as("the builder copies the whole build context").contains("\nCOPY . .\n");
    List<PathMatcher> ignored =
        Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(line -> line.endsWith("/") ? line.substring(0, line.length() - 1) : line)
            .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
            .toList();
    for (String name : modules) {
      for (String file :
          List.of("pom.xml", "src/main/java/Some.java", "src/main/resources/a.yml")) {
        Path path = Path.of(name, file);
        for (Path part = path; part != null; part = part.getParent()) {
          Path checked = part;
          assertThat(ignored)
              .as("%s is left out of the build context by .dockerignore", path)
              .noneMatch(matcher -> matcher.matches(checked));
        }
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyContainerRestartsAndHasTimeToStop() {
    services.forEach(
        (name, service) -> {
          assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped");
          assertThat(service).as(name).containsKey("stop_grace_period");
        });
    for (String name : OUR_SERVICES) {
      String grace = services.get(name).get("stop_grace_period").toString();
      assertThat(Integer.parseInt(grace.replace("s", "")))
          .as("%s: longer than Spring's 30 s shutdown phase", name)
          .isGreaterThan(30);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void kafkaKeepsItsLogOnItsVolumeAsOneCluster() {
    Map<String, Object> kafka = services.get("kafka");
    Map<String, Object> environment = (Map<String, Object>) kafka.get("environment");
    List<String> volumes = (List<String>) kafka.get("volumes");
    String mounted = volumes.get(0).substring(volumes.get(0).indexOf(':') + 1);

    assertThat(environment.get("KAFKA_LOG_DIRS")).isEqualTo(mounted);
    assertThat(environment.get("CLUSTER_ID").toString())
        .as("a base64url UUID, as kafka-storage random-uuid makes one")
        .matches("[A-Za-z0-9_-]{22}");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyEnvironmentVariableSetIsOneTheServiceReads() throws IOException {
    for (String name : OUR_SERVICES) {
      Set<String> read = new HashSet<>();
      Matcher m =
          PLACEHOLDER.matcher(
              Files.readString(ROOT.resolve(name).resolve("src/main/resources/application.yml")));
      while (m.find()) {
        read.add(m.group(1));
      }
      Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
      assertThat(environment).as(name).isNotEmpty();
      assertThat(read).as(name + " reads what compose sets").containsAll(environment.keySet());
    }
  }

  @Test
  void theKeycloakThatRunsIsTheOneTheRealmIsTestedAgainst() {
    // KeycloakSignInIT (gateway) signs in at this version with deploy/keycloak's realm.
    assertThat(services.get("keycloak").get("image")).isEqualTo(KeycloakServer.IMAGE);
  }

  @Test
  void theKeycloakRealmHasOurRolesTheGatewayClientAndTheAudience() throws IOException {
    JsonNode realm =
        JsonMapper.builder()
            .build()
            .readTree(ROOT.resolve("deploy/keycloak/infointerview-realm.json").toFile());

    assertThat(realm.get("roles").get("realm").findValuesAsString("name"))
        .containsExactlyInAnyOrder("student", "alumnus", "advisor", "admin");
    assertThat(realm.get("clients").findValuesAsString("clientId"))
        .contains("infointerview-gateway");
    assertThat(realm.toString()).contains("\"included.custom.audience\":\"infointerview\"");
    assertThat(realm.get("users").findValuesAsString("username"))
        .containsExactlyInAnyOrderElementsOf(
            DemoUsers.ALL.stream().map(DemoUsers.DemoUser::username).toList());
  }

  @Test
  void theKeycloakDemoPeopleAreTheLocalRunsWithTheirRoleEmailNameAndTimeZone() throws IOException {
    JsonNode users =
        JsonMapper.builder()
            .build()
            .readTree(ROOT.resolve("deploy/keycloak/infointerview-realm.json").toFile())
            .get("users");

    for (DemoUsers.DemoUser demo : DemoUsers.ALL) {
      JsonNode user = null;
      for (JsonNode candidate : users) {
        if (candidate.get("username").asString().equals(demo.username())) {
          user = candidate;
        }
      }
      assertThat(user).as(demo.username()).isNotNull();
      assertThat(user.get("realmRoles").get(0).asString()).isEqualTo(demo.role());
      assertThat(user.get("email").asString()).isEqualTo(demo.email());
      assertThat(user.get("firstName").asString() + " " + user.get("lastName").asString())
          .isEqualTo(demo.name());
      assertThat(user.get("attributes").get("zoneinfo").get(0).asString())
          .as("Keycloak releases it as the zoneinfo claim (KeycloakSignInIT)")
          .isEqualTo(demo.timeZone());
      DemoUsers.DemoStudies studies = DemoUsers.STUDIES.get(demo.username());
      JsonNode classYear = user.get("attributes").get("class_year");
      if (studies == null) {
        assertThat(classYear).as(demo.username() + " has no studies").isNull();
      } else {
        assertThat(classYear.get(0).asString())
            .as("the class_year claim, as the dev provider sends it")
            .isEqualTo(String.valueOf(studies.classYear()));
        assertThat(user.get("attributes").get("major").get(0).asString())
            .isEqualTo(studies.major());
        assertThat(user.get("attributes").get("program").get(0).asString())
            .isEqualTo(studies.program());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() {
    try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(in);
      return (Map<String, Map<String, Object>>) compose.get("services");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
