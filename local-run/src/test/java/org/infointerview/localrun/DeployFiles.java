package org.infointerview.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the deployment files' tests read from the repository. */
final class DeployFiles {

  static final Path ROOT = Path.of("..");

  /** Our deployables, each built from the Dockerfile's target of its name. */
  static final List<String> OUR_SERVICES =
      List.of(
          "contacts-service", "interviews-service", "notifications-service", "gateway", "web-ui");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

  /** Set through Spring's relaxed binding (or read by the JVM), not through a placeholder. */
  private static final Set<String> BOUND_BY_NAME =
      Set.of(
          "JAVA_TOOL_OPTIONS",
          "LOGGING_STRUCTURED_FORMAT_CONSOLE",
          "MANAGEMENT_TRACING_SAMPLING_PROBABILITY",
          "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");

  private DeployFiles() {}

  /** The environment variables a deployable reads: its configuration's placeholders and more. */
  static Set<String> variablesReadBy(String service) {
    Set<String> read = new LinkedHashSet<>(BOUND_BY_NAME);
    read.addAll(
        matches(
            PLACEHOLDER,
            text(ROOT.resolve(service).resolve("src/main/resources/application.yml"))));
    return read;
  }

  /** Each match's first group, or the whole match where the pattern has no group. */
  static Set<String> matches(Pattern pattern, String text) {
    Set<String> found = new LinkedHashSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.groupCount() == 0 ? m.group() : m.group(1));
    }
    return found;
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
