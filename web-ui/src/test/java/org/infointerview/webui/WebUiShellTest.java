package org.infointerview.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shell page's one inline script (the import map) is the one the gateway's content policy runs,
 * and every script a page can load, Lit's included, stays within the budget: per screen, what its
 * first paint needs; per part a screen loads afterwards, what that adds; all of them together.
 */
class WebUiShellTest {

  /**
   * What a browser downloads as JavaScript for any one screen, uncompressed: the shell's modules,
   * Lit, and the screen's own (loaded when first shown). A phone on a slow network opening the
   * answer page from a mail is the case that matters.
   */
  static final int SCREEN_BUDGET_BYTES = 64 * 1024;

  /**
   * What a part a screen loads after its first paint (an {@code import()} of the screen's, such as
   * the workspace's question-bank picker) may add to what is there already.
   */
  static final int PART_BUDGET_BYTES = 16 * 1024;

  /**
   * Every script of the UI together, every screen and Lit included: what a person who opens every
   * screen once downloads (screens load when first shown). Was 160 KB until the admins' screens
   * (duplicates, messages, audit, career fields) came, 224 KB until the privacy ones (a person's
   * export and erasure); a student's screens together are far less.
   */
  static final int TOTAL_BUDGET_BYTES = 236 * 1024;

  private static final Pattern IMPORT_MAP =
      Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

  /**
   * An import or re-export statement (at a line's start or after a {@code ;}, as minified files
   * write them) and its module: never the word "from" in a page's own text.
   */
  private static final Pattern STATIC_IMPORTS =
      Pattern.compile(
          "(?:^|;)\\s*(?:import|export)\\b(?:[^;'\"]*?\\bfrom)?\\s*[\"']([^\"']+)[\"']",
          Pattern.MULTILINE);

  private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle=[\"'$][^>]{0,40}");

  private static final Pattern DYNAMIC_IMPORTS =
      Pattern.compile("\\bimport\\(\\s*[\"']([^\"']+)[\"']\\s*\\)");

  @Test
  void theGatewaysPolicyRunsTheImportMapAndNoOtherInlineScript() throws Exception {
    String shell = shell();
    Matcher map = IMPORT_MAP.matcher(shell);
    assertThat(map.find()).isTrue();
    String hash =
        "'sha256-"
            + Base64.getEncoder()
                .encodeToString(
                    MessageDigest.getInstance("SHA-256")
                        .digest(map.group(1).getBytes(StandardCharsets.UTF_8)))
            + "'";
    String gatewayDefaults =
        Files.readString(Path.of("..", "gateway", "src", "main", "resources", "application.yml"));
    assertThat(gatewayDefaults)
        .as("WEB_UI_SCRIPT_HASHES' default in the gateway: change it with the import map")
        .contains("${WEB_UI_SCRIPT_HASHES:" + hash + "}");
    assertThat(shell.split("<script").length - 1)
        .as("the import map and the app's module, nothing inline besides")
        .isEqualTo(2);
  }

  /**
   * The gateway's content policy (no {@code style-src 'unsafe-inline'}) refuses style attributes: a
   * browser drops them and says so in its console, so spacing and sizes are classes of app.css.
   */
  @Test
  void noPageOrTemplateCarriesAStyleAttribute() throws IOException {
    Path ui = Path.of("src", "main", "resources", "static");
    List<String> styled = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ui)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))
              .toList()) {
        String text = Files.readString(file);
        Matcher style = STYLE_ATTRIBUTE.matcher(text);
        while (style.find()) {
          styled.add(ui.relativize(file) + ": " + style.group());
        }
      }
    }
    assertThat(styled).as("style attributes the content policy refuses").isEmpty();
  }

  @Test
  void everyScreensScriptsFitTheBudget() throws Exception {
    Matcher map = IMPORT_MAP.matcher(shell());
    assertThat(map.find()).isTrue();
    JsonNode imports = JsonMapper.builder().build().readTree(map.group(1)).get("imports");
    Map<String, Integer> shell = closure("/ui/app.js", imports);
    Set<String> screens = new TreeSet<>();
    Map<String, Integer> all = new LinkedHashMap<>(shell);
    for (String module : shell.keySet()) {
      Matcher lazy = DYNAMIC_IMPORTS.matcher(read(module));
      while (lazy.find()) {
        screens.add(resolve(lazy.group(1), module, imports));
      }
    }
    assertThat(screens).contains("/ui/answer-page.js", "/ui/student-home.js", "/ui/interview.js");
    for (String screen : screens) {
      Map<String, Integer> loaded = new LinkedHashMap<>(shell);
      loaded.putAll(closure(screen, imports));
      all.putAll(loaded);
      int bytes = loaded.values().stream().mapToInt(Integer::intValue).sum();
      System.out.printf("web-ui %s: %d bytes in %d modules%n", screen, bytes, loaded.size());
      assertThat(bytes).as(screen).isLessThanOrEqualTo(SCREEN_BUDGET_BYTES);
      for (String module : closure(screen, imports).keySet()) {
        Matcher later = DYNAMIC_IMPORTS.matcher(read(module));
        while (later.find()) {
          Map<String, Integer> part = closure(resolve(later.group(1), module, imports), imports);
          part.keySet().removeAll(loaded.keySet());
          all.putAll(part);
          int more = part.values().stream().mapToInt(Integer::intValue).sum();
          System.out.printf("web-ui %s, later %s: %d bytes more%n", screen, later.group(1), more);
          assertThat(more)
              .as(screen + " later " + later.group(1))
              .isLessThanOrEqualTo(PART_BUDGET_BYTES);
        }
      }
    }
    int total = all.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("web-ui, every script: %d bytes in %d modules%n", total, all.size());
    assertThat(all).containsKey("/webjars/lit-html/lit-html.js");
    assertThat(total).isLessThanOrEqualTo(TOTAL_BUDGET_BYTES);
  }

  /** A module and every module it imports statically, with their sizes. */
  private static Map<String, Integer> closure(String start, JsonNode imports) throws IOException {
    Map<String, Integer> loaded = new LinkedHashMap<>();
    Deque<String> pending = new ArrayDeque<>();
    pending.add(start);
    while (!pending.isEmpty()) {
      String path = pending.pop();
      if (loaded.containsKey(path)) {
        continue;
      }
      String source = read(path);
      loaded.put(path, source.getBytes(StandardCharsets.UTF_8).length);
      Matcher found = STATIC_IMPORTS.matcher(source);
      while (found.find()) {
        pending.add(resolve(found.group(1), path, imports));
      }
    }
    return loaded;
  }

  private static String resolve(String specifier, String from, JsonNode imports) {
    if (specifier.startsWith("/")) {
      return specifier;
    }
    if (specifier.startsWith(".")) {
      return Path.of(from).resolveSibling(specifier).normalize().toString();
    }
    if (imports.has(specifier)) {
      return imports.get(specifier).asString();
    }
    for (var entry : imports.properties()) {
      if (entry.getKey().endsWith("/") && specifier.startsWith(entry.getKey())) {
        return entry.getValue().asString() + specifier.substring(entry.getKey().length());
      }
    }
    throw new AssertionError("the import map does not name " + specifier + " (in " + from + ")");
  }

  /** A file as the server has it: the app's own, or a webjar's by its versionless address. */
  private static String read(String path) throws IOException {
    if (path.startsWith("/webjars/")) {
      String rest = path.substring("/webjars/".length());
      String webjar = rest.substring(0, rest.indexOf('/'));
      String file = rest.substring(webjar.length() + 1);
      String full = new WebJarVersionLocator().fullPath(webjar, file);
      assertThat(full).as(path).isNotNull();
      return new ClassPathResource(full).getContentAsString(StandardCharsets.UTF_8);
    }
    return new ClassPathResource("static" + path).getContentAsString(StandardCharsets.UTF_8);
  }

  private static String shell() throws IOException {
    return new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
  }
}
