package org.infointerview.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard and the alert rules in {@code deploy/} ask only for meters the services
 * publish: every {@code infointerview_*} series they name is a meter declared in the code (its
 * Prometheus name: dots as underscores, {@code _total} on counters), so a renamed meter cannot
 * leave a dashboard or an alert silently empty. Each alert says how serious it is and what it
 * means.
 */
class MonitoringFilesTest {

  private static final Path ROOT = DeployFiles.ROOT;
  private static final Pattern OUR_SERIES = Pattern.compile("\\binfointerview_[a-z_]+");
  private static final Pattern DECLARED = Pattern.compile("\"(infointerview(?:\\.[a-z]+)+)\"");

  @Test
  @SuppressWarnings("unchecked")
  void everyAlertSaysHowSeriousItIsAndAsksForPublishedMeters() throws IOException {
    Map<String, Object> rules;
    try (InputStream in =
        Files.newInputStream(ROOT.resolve("deploy/prometheus/infointerview-alerts.yml"))) {
      rules = new Yaml().load(in);
    }
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
      alerts.addAll((List<Map<String, Object>>) group.get("rules"));
    }
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(6);
    Set<String> asked = new HashSet<>();
    for (Map<String, Object> alert : alerts) {
      String name = (String) alert.get("alert");
      assertThat(name).startsWith("InfoInterview");
      assertThat(((Map<String, String>) alert.get("labels")).get("severity"))
          .as(name)
          .isIn("warning", "critical");
      assertThat(((Map<String, String>) alert.get("annotations")).get("summary"))
          .as(name)
          .isNotBlank();
      asked.addAll(ourSeries((String) alert.get("expr")));
    }
    assertThat(asked)
        .as("the alerts watch the backlog, dead letters, mail and imports")
        .contains(
            "infointerview_outbox_oldest_seconds",
            "infointerview_events_dead_lettered_total",
            "infointerview_mails_failed",
            "infointerview_imports_jobs");
    assertThat(published()).containsAll(asked);
  }

  @Test
  void theDashboardAsksForPublishedMeters() throws IOException {
    JsonNode dashboard =
        JsonMapper.builder()
            .build()
            .readTree(ROOT.resolve("deploy/grafana/infointerview-dashboard.json").toFile());

    Set<String> asked = new HashSet<>();
    for (JsonNode panel : dashboard.get("panels")) {
      assertThat(panel.get("title").asString()).isNotBlank();
      for (JsonNode target : panel.get("targets")) {
        asked.addAll(ourSeries(target.get("expr").asString()));
      }
    }
    assertThat(asked).hasSizeGreaterThanOrEqualTo(8);
    assertThat(published()).containsAll(asked);
  }

  private static Set<String> ourSeries(String expression) {
    return DeployFiles.matches(OUR_SERIES, expression);
  }

  /** The Prometheus names of every meter the code declares, with each suffix it may carry. */
  private static Set<String> published() throws IOException {
    Set<String> names = new HashSet<>();
    List<Path> sources;
    try (Stream<Path> files = Files.walk(ROOT)) {
      sources =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> p.toString().contains("/src/main/java/"))
              .toList();
    }
    for (Path source : sources) {
      for (String declared : DeployFiles.matches(DECLARED, Files.readString(source))) {
        String name = declared.replace('.', '_');
        names.add(name);
        names.add(name + "_total");
      }
    }
    return names;
  }
}
