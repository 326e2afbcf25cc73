package org.infointerview.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, both named by path so that nothing is
 * downloaded; each browser starts with a fresh profile (no cookies, no session). Screenshots go to
 * {@code target/screenshots}. {@code CHROMIUM_BINARY} and {@code CHROMEDRIVER} point elsewhere.
 */
final class Chromium implements AutoCloseable {

  static final Path BROWSER =
      Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;

  /** Whether this machine has both (CI's {@code .ci/run} installs them). */
  static boolean available() {
    return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
  }

  Chromium(int width, int height) {
    Path profile;
    try {
      profile = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    // Without the background-networking flags Chromium floods a closed network with connections.
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    // The console, to catch what the content policy refused.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  /** Waits (20 s at most) for something the page shows. */
  <T> T await(Function<WebDriver, T> condition) {
    // A page that is being left (a redirect, a form post) answers with stale elements meanwhile.
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  WebElement awaitVisible(By by) {
    return await(
        d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
  }

  /** Signs a demo person in on the dev provider's page the browser was sent to. */
  void signInAtTheDevProvider(String demoUser) {
    DemoUsers.DemoUser user = DemoUsers.named(demoUser);
    awaitVisible(By.id("username"));
    // the page lists the demo logins; choosing one fills the form
    click(By.cssSelector("button.demo[data-user='" + user.username() + "']"));
    assertThat(driver.findElement(By.id("password")).getDomProperty("value"))
        .isEqualTo(user.password());
    driver.findElement(By.cssSelector("button[type=submit]")).click();
  }

  /** Clicks an element once it shows. */
  void click(By by) {
    awaitVisible(by).click();
  }

  /** Types into a field once it shows, after what it held. */
  void type(By by, String text) {
    WebElement field = awaitVisible(by);
    field.clear();
    field.sendKeys(text);
  }

  /** Sets a field's value as a picker would (date and time fields take no typing portably). */
  void setValue(By by, String value) {
    driver.executeScript(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        awaitVisible(by),
        value);
  }

  /** Waits until the page's text contains {@code text}; says what it shows instead if never. */
  void awaitText(String text) {
    try {
      await(d -> d.findElement(By.tagName("body")).getText().contains(text) ? true : null);
    } catch (TimeoutException e) {
      screenshot("failed-" + System.currentTimeMillis());
      throw new AssertionError(
          "'"
              + text
              + "' never showed at "
              + driver.getCurrentUrl()
              + "; the page says:\n"
              + text(),
          e);
    }
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is and fails on any serious or
   * critical violation, naming the rule and the elements.
   */
  void assertAccessible(String screen) {
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
            .analyze(driver);
    List<String> serious =
        results.getViolations().stream()
            .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
            .map(
                r ->
                    r.getImpact()
                        + " "
                        + r.getId()
                        + " ("
                        + r.getHelp()
                        + "): "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList())
            .toList();
    System.out.printf(
        "axe %s: %d rules passed, %d violations (%d serious or critical)%n",
        screen, results.getPasses().size(), results.getViolations().size(), serious.size());
    if (!serious.isEmpty()) {
      throw new AssertionError(screen + ": " + String.join("\n", serious));
    }
    assertNothingRefused(screen);
    // Reflow (WCAG 1.4.10), which axe does not check: nothing makes the page scroll sideways.
    Object overflow =
        driver.executeScript(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    if (((Number) overflow).intValue() > 0) {
      screenshot("overflow-" + System.currentTimeMillis());
      Object widest =
          driver.executeScript(
              "const w = document.documentElement.clientWidth;"
                  + " return [...document.querySelectorAll('body *')]"
                  + ".filter(e => e.getBoundingClientRect().right > w + 1)"
                  + ".filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))"
                  + ".slice(0, 5).map(e => e.outerHTML.slice(0, 120));");
      throw new AssertionError(
          screen + ": the page is " + overflow + " px wider than the window, by " + widest);
    }
  }

  /**
   * Fails when the browser's console says the content policy refused anything since the last look
   * (a style attribute, an inline script): what it refuses, the person never sees.
   */
  void assertNothingRefused(String screen) {
    List<String> refused =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .map(LogEntry::getMessage)
            .filter(message -> message.contains("Content Security Policy"))
            .toList();
    if (!refused.isEmpty()) {
      throw new AssertionError(screen + ": the content policy refused " + refused);
    }
  }

  /** What the page's own fetch of an address answers, as text (its line ends given as \n). */
  String fetchText(String url) {
    return (String)
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " fetch(arguments[0]).then(r => r.text()).then(done, e => done('' + e));",
            url);
  }

  void resize(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          SCREENSHOTS.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
