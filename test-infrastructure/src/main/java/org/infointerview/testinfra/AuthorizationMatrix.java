package org.infointerview.testinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.Assertions;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what, kept as data: one CSV per service ({@code authorization-matrix.csv} on the test
 * class path) with a row per endpoint, role and whose resource it is, and the status the caller
 * must get. Each service's {@code AuthorizationMatrixIT} runs every row against the real service
 * and fails when an endpoint the service exposes has no row, so no endpoint ships unchecked.
 *
 * <p>Columns: method, path (as mapped, with {@code {id}}-style variables), role ({@code STUDENT},
 * {@code ALUMNUS}, {@code ADVISOR}, {@code ADMIN}, {@code SERVICE} for a service client's own
 * token, or {@code NONE} for no token), resource ({@code own}, {@code others} or {@code none}),
 * expected status. Lines starting with {@code #} are comments.
 */
public final class AuthorizationMatrix {

  /** One expectation. */
  public record Row(String method, String path, String role, String resource, int expected) {

    public String endpoint() {
      return method + " " + path;
    }

    public boolean anonymous() {
      return "NONE".equals(role);
    }

    public boolean writes() {
      return !"GET".equals(method);
    }

    @Override
    public String toString() {
      return endpoint() + " as " + role + " on " + resource + " -> " + expected;
    }
  }

  private AuthorizationMatrix() {}

  /**
   * The writes a role is refused whatever the resource (every row of that role on that endpoint is
   * a 403): refusals by role alone, which must come before the request's input is read.
   */
  public static List<Row> refusedByRole(List<Row> rows) {
    Map<String, List<Row>> byRoleAndEndpoint = new LinkedHashMap<>();
    for (Row row : rows) {
      byRoleAndEndpoint
          .computeIfAbsent(row.endpoint() + " " + row.role(), key -> new ArrayList<>())
          .add(row);
    }
    return byRoleAndEndpoint.values().stream()
        .filter(group -> group.get(0).writes() && !group.get(0).anonymous())
        .filter(group -> group.stream().allMatch(row -> row.expected() == 403))
        .map(group -> group.get(0))
        .toList();
  }

  /** The rows of a class-path CSV. */
  public static List<Row> load(String resource) {
    InputStream in = AuthorizationMatrix.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalArgumentException("No authorization matrix at " + resource);
    }
    List<Row> rows = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] cells = trimmed.split("\\s*,\\s*");
        if (cells.length != 5) {
          throw new IllegalArgumentException("Five columns expected: " + line);
        }
        rows.add(
            new Row(
                cells[0].toUpperCase(Locale.ROOT),
                cells[1],
                cells[2].toUpperCase(Locale.ROOT),
                cells[3].toLowerCase(Locale.ROOT),
                Integer.parseInt(cells[4])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /** Every {@code METHOD path} the application's controllers map, error handling aside. */
  public static Set<String> endpoints(ApplicationContext context) {
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingHandlerMapping mapping :
        context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<String> patterns = info.getPatternValues();
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
        if (methods.isEmpty()) {
          methods.add("ANY");
        }
        for (String pattern : patterns) {
          if (pattern.equals("/error")) {
            continue;
          }
          methods.forEach(m -> endpoints.add(m + " " + pattern));
        }
      }
    }
    return endpoints;
  }

  /**
   * Fails when an endpoint the application maps has no row, or a row names an endpoint that does
   * not exist.
   */
  public static void assertRowsMatchEndpoints(ApplicationContext context, List<Row> rows) {
    Set<String> endpoints = endpoints(context);
    Assertions.assertThat(uncovered(endpoints, rows))
        .as("endpoints without a row in the authorization matrix")
        .isEmpty();
    Assertions.assertThat(stale(endpoints, rows))
        .as("rows of the authorization matrix without an endpoint")
        .isEmpty();
  }

  /** The endpoints that no row names. */
  public static Set<String> uncovered(Set<String> endpoints, List<Row> rows) {
    Set<String> uncovered = new TreeSet<>(endpoints);
    rows.forEach(r -> uncovered.remove(r.endpoint()));
    return uncovered;
  }

  /** The rows naming endpoints that do not exist. */
  public static Set<String> stale(Set<String> endpoints, List<Row> rows) {
    Set<String> stale = new TreeSet<>();
    rows.stream().map(Row::endpoint).filter(e -> !endpoints.contains(e)).forEach(stale::add);
    return stale;
  }
}
