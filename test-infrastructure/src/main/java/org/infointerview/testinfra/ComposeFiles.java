package org.infointerview.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * Compose files as {@code docker compose} reads them, for tests on a machine without Docker: the
 * files merged in order (maps merged key by key, an override's lists of {@code volumes} replacing
 * the mounts at the same path, other lists appended) and every {@code ${VAR}}, {@code
 * ${VAR:-default}} and {@code ${VAR:?message}} filled in from an env file. A required variable that
 * is missing fails as Compose fails, naming it.
 */
public final class ComposeFiles {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

  private ComposeFiles() {}

  /** The services of these files merged, with the variables of {@code envFile} filled in. */
  @SuppressWarnings("unchecked")
  public static Map<String, Map<String, Object>> services(Path envFile, Path... files) {
    Map<String, String> variables = envFile(envFile);
    Map<String, Object> merged = new LinkedHashMap<>();
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        Map<String, Object> compose = new Yaml().load(in);
        merge(merged, (Map<String, Object>) interpolate(compose, variables));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return (Map<String, Map<String, Object>>) merged.get("services");
  }

  /** A service's environment as strings. */
  @SuppressWarnings("unchecked")
  public static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object declared = service.get("environment");
    if (declared instanceof Map<?, ?> map) {
      map.forEach((k, v) -> environment.put(k.toString(), v == null ? "" : v.toString()));
    }
    return environment;
  }

  /**
   * An env file's variables ({@code NAME=value} lines, the value quoted or not; {@code #}
   * comments).
   */
  public static Map<String, String> envFile(Path file) {
    Map<String, String> variables = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        String trimmed = line.strip();
        int equals = trimmed.indexOf('=');
        if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
          continue;
        }
        String value = trimmed.substring(equals + 1);
        if (value.length() >= 2
            && (value.startsWith("'") && value.endsWith("'")
                || value.startsWith("\"") && value.endsWith("\""))) {
          value = value.substring(1, value.length() - 1);
        }
        variables.put(trimmed.substring(0, equals), value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return variables;
  }

  private static Object interpolate(Object node, Map<String, String> variables) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> filled = new LinkedHashMap<>();
      map.forEach((k, v) -> filled.put(k.toString(), interpolate(v, variables)));
      return filled;
    }
    if (node instanceof List<?> list) {
      List<Object> filled = new ArrayList<>();
      list.forEach(item -> filled.add(interpolate(item, variables)));
      return filled;
    }
    if (node instanceof String text) {
      return fill(text, variables);
    }
    return node;
  }

  static String fill(String text, Map<String, String> variables) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (m.find()) {
      String value;
      if (m.group().equals("$$")) {
        value = "$";
      } else {
        String name = m.group(1);
        String operator = m.group(2);
        String argument = m.group(3) == null ? "" : m.group(3);
        String set = variables.get(name);
        boolean missing =
            set == null || (set.isEmpty() && operator != null && operator.startsWith(":"));
        if (operator == null) {
          value = set == null ? "" : set;
        } else if (operator.endsWith("-")) {
          value = missing ? argument : set;
        } else if (missing) {
          throw new IllegalArgumentException(
              "required variable " + name + " is missing: " + argument);
        } else {
          value = set;
        }
      }
      m.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    m.appendTail(filled);
    return filled.toString();
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach(
        (key, value) -> {
          Object existing = into.get(key);
          if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
            merge((Map<String, Object>) a, (Map<String, Object>) b);
          } else if (existing instanceof List<?> a && value instanceof List<?> b) {
            into.put(key, key.equals("volumes") ? mounts(a, b) : appended(a, b));
          } else {
            into.put(key, value);
          }
        });
  }

  private static List<Object> appended(List<?> a, List<?> b) {
    List<Object> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Mounts merged by their path in the container, the override's winning. */
  private static List<Object> mounts(List<?> a, List<?> b) {
    Map<String, Object> byTarget = new LinkedHashMap<>();
    for (List<?> list : List.of(a, b)) {
      for (Object mount : list) {
        String[] parts = mount.toString().split(":");
        byTarget.put(parts.length > 1 ? parts[1] : parts[0], mount);
      }
    }
    return new ArrayList<>(byTarget.values());
  }
}
