package org.infointerview.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.infointerview.testinfra.ComposeFiles;
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

  private static final Path ROOT = DeployFiles.ROOT;
  private static final List<String> OUR_SERVICES = DeployFiles.OUR_SERVICES;

  /** The stores: each keeps its data on a named volume and publishes no port. */
  private static final List<String> STATEFUL = List.of("kafka", "mongo", "keycloak-db");

  private final Map<String, Map<String, Object>> services = services();

  /** The real host's configuration, as .env.example fills it in (secrets set to something). */
  private static Map<String, Map<String, Object>> realHost(Path envFile) {
    return ComposeFiles.services(envFile, ROOT.resolve("docker-compose.yml"));
  }

  private static Path filledEnvExample(String... leftOut) throws IOException {
    StringBuilder env = new StringBuilder();
    for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
      String name = line.contains("=") ? line.substring(0, line.indexOf('=')) : "";
      if (List.of(leftOut).contains(name)) {
        continue;
      }
      env.append(line.endsWith("=") ? line + "secret-" + name.toLowerCase() : line).append('\n');
    }
    Path file = Files.createTempFile("env", ".env");
    Files.writeString(file, env);
    return file;
  }

  @Test
  void theRealHostTakesEveryAddressFromThePublicUrlAndEverySecretFromEnv() throws IOException {
    Map<String, Map<String, Object>> real = realHost(filledEnvExample());

    Map<String, String> gateway = ComposeFiles.environment(real.get("gateway"));
    assertThat(gateway.get("GATEWAY_PUBLIC_URL")).isEqualTo("https://careers.example.edu");
    assertThat(gateway.get("OIDC_ISSUER_URI"))
        .isEqualTo("https://careers.example.edu/auth/realms/infointerview");
    assertThat(gateway.get("OIDC_AUTHORIZATION_URI"))
        .startsWith("https://careers.example.edu/auth/realms/infointerview/");
    assertThat(gateway.get("OIDC_CLIENT_SECRET")).isEqualTo("secret-gateway_oidc_client_secret");
    assertThat(Pattern.compile(gateway.get("GATEWAY_TRUSTED_PROXIES")))
        .as("Docker's networks: the proxy in front")
        .matches(p -> p.matcher("172.18.0.5").matches() && !p.matcher("8.8.8.8").matches());
    for (String name : OUR_SERVICES) {
      Map<String, String> environment = ComposeFiles.environment(real.get(name));
      if (environment.containsKey("OIDC_ISSUER_URI")) {
        assertThat(environment.get("OIDC_ISSUER_URI"))
            .as(name)
            .isEqualTo(gateway.get("OIDC_ISSUER_URI"));
      }
      assertThat(environment.values())
          .as("%s: no demo secret or localhost address on the real host", name)
          .noneMatch(v -> v.contains("change-me") || v.contains("localhost"));
    }
    Map<String, String> keycloak = ComposeFiles.environment(real.get("keycloak"));
    assertThat(keycloak.get("KC_HOSTNAME")).isEqualTo("https://careers.example.edu/auth");
    assertThat(real.get("keycloak").get("command").toString()).doesNotContain("start-dev");
    assertThat(keycloak.get("KC_DB")).isEqualTo("postgres");
    assertThat(keycloak.get("GATEWAY_OIDC_CLIENT_SECRET"))
        .as("the realm file's placeholder gets the gateway's own secret")
        .isEqualTo(gateway.get("OIDC_CLIENT_SECRET"));
  }

  @Test
  void aMissingSecretStopsComposeNamingIt() throws IOException {
    Path withoutSecret = filledEnvExample("INTERVIEWS_ANSWER_LINK_SECRET");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> realHost(withoutSecret))
        .hasMessageContaining("INTERVIEWS_ANSWER_LINK_SECRET");
  }

  @Test
  void everyRequiredVariableIsInTheEnvExample() throws IOException {
    Set<String> required =
        DeployFiles.matches(
            Pattern.compile("\\$\\{([A-Z0-9_]+):\\?"),
            Files.readString(ROOT.resolve("docker-compose.yml")));
    assertThat(required).contains("PUBLIC_URL", "GATEWAY_OIDC_CLIENT_SECRET");
    assertThat(ComposeFiles.envFile(ROOT.resolve(".env.example")))
        .containsKeys(required.toArray(String[]::new));
    assertThat(ComposeFiles.envFile(ROOT.resolve("deploy/demo.env")))
        .containsKeys(required.toArray(String[]::new));
  }

  @Test
  @SuppressWarnings("unchecked")
  void storesKeepTheirDataOnNamedVolumesAndPublishNoPort() {
    Set<String> named = ((Map<String, Object>) rawCompose().get("volumes")).keySet();
    for (String store : STATEFUL) {
      Map<String, Object> service = services.get(store);
      assertThat(service).as(store).doesNotContainKey("ports");
      List<String> volumes = (List<String>) service.get("volumes");
      assertThat(volumes).as(store).isNotEmpty();
      assertThat(named)
          .as(store)
          .contains(volumes.get(0).substring(0, volumes.get(0).indexOf(':')));
    }
    assertThat(services.get("redis")).doesNotContainKey("ports");
    services.forEach(
        (name, service) -> {
          assertThat(service).as(name + " has a memory limit").containsKey("mem_limit");
          Object ports = service.get("ports");
          if (ports != null && !name.equals("proxy") && !name.equals("mailpit")) {
            assertThat((List<String>) ports)
                .as("%s opens its port on this machine only, for the proxy", name)
                .allMatch(p -> p.startsWith("127.0.0.1:"));
          }
        });
    assertThat(services.get("proxy").get("profiles").toString()).contains("tls");
  }

  @Test
  void theDemoRunsKeycloakInDevelopmentModeWithTheDemoRealmAndAMailCatcher() throws IOException {
    Map<String, Map<String, Object>> demo =
        ComposeFiles.services(
            ROOT.resolve("deploy/demo.env"),
            ROOT.resolve("docker-compose.yml"),
            ROOT.resolve("docker-compose.demo.yml"));

    assertThat(demo.get("keycloak").get("command").toString()).contains("start-dev");
    assertThat(demo.get("keycloak").get("volumes").toString())
        .contains("./deploy/keycloak:/opt/keycloak/data/import")
        .doesNotContain("production");
    assertThat(demo).containsKey("mailpit");
    Map<String, String> gateway = ComposeFiles.environment(demo.get("gateway"));
    assertThat(gateway.get("OIDC_ISSUER_URI"))
        .isEqualTo("http://localhost:8180/realms/infointerview");
    assertThat(gateway.get("GATEWAY_PUBLIC_URL")).isEqualTo("http://localhost:8080");
    assertThat(ComposeFiles.environment(demo.get("notifications-service")).get("SMTP_HOST"))
        .isEqualTo("mailpit");
  }

  /** The production realm is the demo realm without its people and its password-grant client. */
  @Test
  void theProductionRealmIsTheDemoRealmWithoutDemoPeopleOrDemoSecrets() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    JsonNode demo =
        json.readTree(ROOT.resolve("deploy/keycloak/infointerview-realm.json").toFile());
    JsonNode real =
        json.readTree(ROOT.resolve("deploy/keycloak/production/infointerview-realm.json").toFile());

    assertThat(real.has("users")).isFalse();
    assertThat(real.get("clients").findValuesAsString("clientId"))
        .containsExactlyInAnyOrder("infointerview-gateway", "infointerview-notifications");
    assertThat(real.get("roles")).isEqualTo(demo.get("roles"));
    assertThat(real.get("components")).isEqualTo(demo.get("components"));
    assertThat(real.toString())
        .doesNotContain("change-me")
        .doesNotContain("localhost")
        .contains(
            "${GATEWAY_OIDC_CLIENT_SECRET}", "${NOTIFICATIONS_CLIENT_SECRET}", "${PUBLIC_URL}");
    for (JsonNode client : real.get("clients")) {
      JsonNode same = null;
      for (JsonNode candidate : demo.get("clients")) {
        if (candidate.get("clientId").equals(client.get("clientId"))) {
          same = candidate;
        }
      }
      assertThat(client.get("protocolMappers")).isEqualTo(same.get("protocolMappers"));
    }
  }

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
    Set<String> modules =
        DeployFiles.matches(
            Pattern.compile("<module>([^<]+)</module>"), Files.readString(ROOT.resolve("pom.xml")));
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
      Set<String> read = DeployFiles.variablesReadBy(name);
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
    return (Map<String, Map<String, Object>>) rawCompose().get("services");
  }

  private static Map<String, Object> rawCompose() {
    try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
