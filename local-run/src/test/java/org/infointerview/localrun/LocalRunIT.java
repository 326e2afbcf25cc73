package org.infointerview.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infointerview.testinfra.Archives;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The README's run command as a newcomer uses it, from the built jars: the stack comes up, a token
 * from the dev OIDC provider gets a request through the gateway into contacts-service, its event
 * reaches interviews-service, stopping leaves no process behind, and a second run finds the data of
 * the first. Prints the time to ready and the memory of all JVMs together.
 */
class LocalRunIT {

  /**
   * Keeps every port of the run below Linux's ephemeral range (32768 and up), where an outgoing
   * connection can hold one as its source port; clear of the default run and the benchmarks'.
   */
  private static final int OFFSET = 4_000;

  private static final LocalPorts PORTS = new LocalPorts(OFFSET);
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final Path data = Path.of("target", "local-run-it-" + UUID.randomUUID());

  @Test
  void theWholeSystemRunsLocallyStopsCleanlyAndKeepsItsDataForTheNextRun() throws Exception {
    Running first = start();
    try {
      assertThat(first.said())
          .as("a first run makes the demo data")
          .anyMatch(line -> line.contains("Demo data: " + DemoData.ALUMNI + " opted-in alumni"));
      useTheSystem();
      aServiceThatDiesIsReportedAndStartedAgain(first);
    } finally {
      first.stopAndExpectNothingLeft();
    }

    Running second = start();
    try {
      String again = new DevLogin(PORTS.issuer()).accessToken("student", "student");
      assertThat(send("GET", "/api/contacts/contacts?scope=own", again, null).body())
          .contains("Priya Raman");
      assertThat(second.said())
          .as("demo data is made once per data folder")
          .noneMatch(line -> line.contains("Making demo data"));
    } finally {
      second.stopAndExpectNothingLeft();
    }
  }

  /** As an orchestrator would: the launcher says which service died and why, and restarts it. */
  private void aServiceThatDiesIsReportedAndStartedAgain(Running run) throws Exception {
    ProcessHandle notifications =
        run.launcher()
            .toHandle()
            .descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("notifications-service"))
            .findFirst()
            .orElseThrow();
    notifications.destroyForcibly();

    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () ->
                assertThat(run.said()).anyMatch(l -> l.contains("notifications-service is back")));
    assertThat(run.said())
        .anyMatch(l -> l.contains("notifications-service exited (exit code 137: killed)"))
        .anyMatch(l -> l.startsWith("    | "));
    String token = new DevLogin(PORTS.issuer()).accessToken("student", "student");
    assertThat(send("GET", "/api/notifications/me/preferences", token, null).statusCode())
        .isEqualTo(200);
  }

  private void useTheSystem() throws Exception {
    String token = new DevLogin(PORTS.issuer()).accessToken("student", "student");

    HttpResponse<String> created =
        send(
            "POST",
            "/api/contacts/contacts",
            token,
            "{\"givenName\": \"Priya\", \"familyName\": \"Raman\", \"organizationName\":"
                + " \"Northwind Health\", \"timeZone\": \"America/Chicago\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Matcher id = ID.matcher(created.body());
    assertThat(id.find()).isTrue();
    String contactId = id.group(1);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location)
        .as("the new contact's address through the gateway")
        .isEqualTo("/api/contacts/contacts/" + contactId);
    assertThat(send("GET", location, token, null).body()).contains("Priya Raman");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                send("GET", "/api/interviews/contacts/" + contactId, token, null).statusCode()
                    == 200);
    assertThat(send("GET", "/api/interviews/contacts/" + contactId, token, null).body())
        .contains("Northwind Health");
    assertThat(send("GET", "/api/contacts/contacts/" + contactId, null, null).statusCode())
        .isEqualTo(401);

    HttpResponse<String> missing = send("GET", "/api/contacts/contacts/nobody", token, null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .as("a problem names the address the client asked for")
        .contains("\"instance\":\"/api/contacts/contacts/nobody\"");

    assertThat(send("GET", "/api/contacts/v3/api-docs", null, null).body())
        .as("contacts-service's API description through the gateway, as /docs reads it")
        .contains("\"/contacts/{id}\"");
    for (String service : List.of("contacts", "interviews", "notifications")) {
      assertThat(send("GET", "/api/" + service + "/v3/api-docs", null, null).body())
          .as("Swagger UI at /docs calls %s through the gateway with a bearer token", service)
          .contains("\"title\":\"InfoInterview " + service + "-service\"")
          .contains("\"servers\":[{\"url\":\"/api/" + service + "\"")
          .contains("\"security\":[{\"bearer\":[]}]")
          .contains("\"bearer\":{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}")
          .doesNotContain("CurrentUser");
    }
    browserSignsInAtTheDevProviderAndSignsOut(contactId);
    aRequestByEmailReachesThePerson(token);
    if (Chromium.available()) {
      anAdvisorCuratesTheQuestionBank();
      theSixStepsInABrowser();
      aConversationHeldIsFollowedUpInABrowser(token);
      anAdminImportsAFileWatchesItAndUndoesIt();
      anAdminDecidesOnADuplicateAndReadsTheAuditLog();
      aStudentBringsTheirLinkedInConnections();
      theDemoAlumnusAnswersSignedInAndSetsTheirConsent();
      everyScreenOfEveryRoleAtBothWidths();
    } else {
      System.out.println(
          "local run: no Chromium at " + Chromium.BROWSER + ": the browser steps are skipped");
    }
  }

  /** Each demo role's screens, as its menu and home lead to them. */
  private static final Map<String, List<String>> SCREENS =
      Map.of(
          "student",
          List.of(
              "/",
              "/interviews",
              "/find",
              "/find/import",
              "/research",
              "/network",
              "/inbox",
              "/settings",
              "/sharing"),
          "alumnus",
          List.of("/", "/requests", "/profile", "/inbox", "/settings"),
          "advisor",
          List.of("/", "/shared", "/question-bank", "/templates", "/analytics", "/settings"),
          "admin",
          List.of(
              "/",
              "/imports",
              "/imports/profiles",
              "/alumni-sync",
              "/duplicates",
              "/organizations",
              "/career-fields",
              "/messages",
              "/audit",
              "/erasures"));

  /**
   * Every main screen of every role, at 1280 px and at 375 px, once its data is shown: no serious
   * or critical axe violation, nothing wider than the window, nothing the content policy refused.
   */
  private void everyScreenOfEveryRoleAtBothWidths() {
    SCREENS.forEach(
        (role, paths) -> {
          try (Chromium browser = new Chromium(1280, 900)) {
            browser.open("http://localhost:" + PORTS.gateway() + "/");
            browser.signInAtTheDevProvider(role);
            browser.await(
                d ->
                    d.getCurrentUrl().startsWith("http://localhost:" + PORTS.gateway())
                            && !d.findElements(By.cssSelector("main h1")).isEmpty()
                        ? true
                        : null);
            for (int width : List.of(1280, 375)) {
              browser.resize(width, width == 375 ? 812 : 900);
              for (String path : paths) {
                browser.open("http://localhost:" + PORTS.gateway() + path);
                browser.await(
                    d ->
                        d.findElements(By.cssSelector("main h1")).stream()
                                    .anyMatch(WebElement::isDisplayed)
                                && d.findElements(By.cssSelector("main .loading")).isEmpty()
                            ? true
                            : null);
                browser.assertAccessible(role + " " + path + ", " + width + " px");
              }
            }
          }
        });
  }

  private static final String CENTERS_QUESTION =
      "What do you look for in the students you take on for a summer?";

  /**
   * The demo advisor adds a question to the center's bank (a closed one is told so, as students
   * are), recommends it, retires another; the student is offered the recommended one first.
   */
  private void anAdvisorCuratesTheQuestionBank() {
    try (Chromium advisor = new Chromium(1280, 900)) {
      advisor.open("http://localhost:" + PORTS.gateway() + "/question-bank");
      advisor.signInAtTheDevProvider("advisor");
      advisor.awaitText("No question of your own yet");
      advisor.type(By.id("new-question-text"), "Do you enjoy your work?");
      advisor.click(By.xpath("//button[normalize-space()='Add the question']"));
      advisor.awaitText("Added, with a warning: A yes or no answers it");
      advisor.type(By.id("new-question-text"), CENTERS_QUESTION);
      new Select(advisor.driver().findElement(By.id("new-question-topic")))
          .selectByVisibleText("Skills and preparation");
      advisor.click(By.id("new-question-recommended"));
      advisor.click(By.xpath("//button[normalize-space()='Add the question']"));
      advisor.awaitText("Added: students are offered it now.");
      advisor.click(By.xpath("//button[@aria-label='Retire: Do you enjoy your work?']"));
      advisor.awaitText("Retired: no longer offered.");
      advisor.await(
          d -> d.findElement(By.tagName("body")).getText().contains("Do you enjoy") ? null : true);
      advisor.type(By.id("new-question-text"), CENTERS_QUESTION.toUpperCase());
      advisor.click(By.xpath("//button[normalize-space()='Add the question']"));
      advisor.awaitText("The bank has this question already");
      assertThat(advisor.driver().findElement(By.id("new-question-text")).getDomProperty("value"))
          .as("a refused question stays typed")
          .isEqualTo(CENTERS_QUESTION.toUpperCase());
      advisor.assertAccessible("question bank, 1280 px");
      advisor.screenshot("question-bank-1280");
      advisor.resize(375, 800);
      advisor.assertAccessible("question bank, 375 px");
      advisor.resize(1280, 900);

      // a request template: a merge field that does not exist is told beside the text
      advisor.open("http://localhost:" + PORTS.gateway() + "/templates");
      advisor.awaitText("No template yet");
      advisor.type(By.id("template-name"), "Alumni, first contact");
      advisor.type(
          By.id("template-body"),
          "Dear {{firstName}},\n{{howIGotYourName}}. I am a student at {{school}} and would"
              + " value 20 minutes of your advice about your path: information, not a job.");
      assertThat(advisor.awaitVisible(By.id("template-body-error")).getText())
          .isEqualTo("{{firstName}} is not a merge field");
      advisor.type(
          By.id("template-body"),
          "Dear {{contactName}},\n{{howIGotYourName}}. I am a student at {{school}} and would"
              + " value 20 minutes of your advice about your path: information, not a job.");
      advisor.await(
          d ->
              d.findElement(By.id("template-preview")).getText().startsWith("Dear Jordan Rivera,")
                  ? true
                  : null);
      advisor.click(By.xpath("//button[normalize-space()='Add the template']"));
      advisor.awaitText("Added: students can start from");
      advisor.assertAccessible("templates, 1280 px");
      advisor.screenshot("templates-1280");
    }
  }

  /**
   * Through the web UI, in a real browser: the student signs in at the dev provider's page, adds
   * someone they know, plans a conversation, prepares (a closed question is flagged), drafts and
   * sends the request with a time; the person opens the mail's link in another browser without an
   * account and accepts; the student finds the time agreed, writes notes and a referral, sees the
   * conversation on their home page, and signs out. axe-core checks each screen.
   */
  private void theSixStepsInABrowser() throws Exception {
    String address = "maya-" + UUID.randomUUID() + "@example.org";
    String gateway = "http://localhost:" + PORTS.gateway();
    try (Chromium student = new Chromium(1280, 900)) {
      student.open(gateway + "/find");
      student.awaitVisible(By.id("username"));
      assertThat(student.text())
          .as("the dev provider's page names the product and lists the demo logins")
          .contains("InfoInterview")
          .contains("Sam Student")
          .contains("Avery Admin");
      student.screenshot("sign-in-1280");
      student.assertAccessible("the dev provider's sign-in page, 1280 px");
      student.signInAtTheDevProvider("student");
      student.awaitText("Find people");
      assertThat(student.driver().getCurrentUrl())
          .as("back from sign-in on the page asked for")
          .isEqualTo(gateway + "/find");
      student.assertAccessible("find people, 1280 px");

      // Step 1: research a field first; a link that is no web address is refused beside its
      // field and what was typed stays.
      student.click(By.cssSelector(".bar a[href='/research']"));
      student.click(By.xpath("//button[normalize-space()='New note']"));
      student.type(By.id("r-summary"), "Biostatisticians design studies and analyse health data.");
      student.type(
          By.id("r-links"), "https://www.bls.gov/ooh/ Occupational Outlook\njavascript:alert(1)");
      student.click(By.xpath("//button[normalize-space()='Save the note']"));
      student.awaitText("must be an http or https address");
      assertThat(student.driver().findElement(By.id("r-summary")).getDomProperty("value"))
          .as("a refused save keeps what was typed")
          .startsWith("Biostatisticians design studies");
      student.type(By.id("r-links"), "https://www.bls.gov/ooh/ Occupational Outlook");
      student.click(By.xpath("//button[normalize-space()='Save the note']"));
      student.awaitText("Note saved.");
      student.awaitText("Occupational Outlook");
      student.screenshot("research-1280");
      student.assertAccessible("research, 1280 px");
      student.click(By.cssSelector(".bar a[href='/find']"));
      student.awaitText("Add someone I know");

      student.click(By.xpath("//button[normalize-space()='Add someone I know']"));
      student.type(By.id("add-givenName"), "Maya");
      student.type(By.id("add-familyName"), "Chen");
      student.type(By.id("add-emails"), address);
      student.type(By.id("add-organizationName"), "Contoso Health");
      student.type(By.id("add-notes"), "Met at the spring career fair.\nPrefers email.");
      student.click(By.xpath("//form[.//h2[.='Add someone you know']]//button[@type='submit']"));
      student.awaitText("A conversation with Maya Chen");
      student.awaitText("Met at the spring career fair.");
      student.type(
          By.cssSelector("ii-plan-interview textarea"),
          "How do you move from statistics into health data?");
      student.click(By.xpath("//button[normalize-space()='Plan it']"));
      student.awaitText("What I want to learn");
      assertThat(student.driver().getCurrentUrl()).startsWith(gateway + "/interviews/");

      student.type(By.id("pitch"), "I study statistics and want to work with health data.");
      student.click(By.xpath("//button[normalize-space()='Add a question']"));
      student.type(By.id("question-0"), "Do you like your job?");
      student.click(By.xpath("//button[normalize-space()='Add a question']"));
      student.type(By.id("question-1"), "What led you from statistics into health data?");
      // the advisor's recommended question, offered first in its topic
      new Select(student.awaitVisible(By.id("bank")))
          .selectByVisibleText("Recommended by your career center: " + CENTERS_QUESTION);
      assertThat(student.awaitVisible(By.id("question-2")).getDomProperty("value"))
          .isEqualTo(CENTERS_QUESTION);
      student.click(By.xpath("//button[normalize-space()='Save and check']"));
      student.awaitText("A yes or no answers it");
      assertThat(student.driver().findElement(By.id("question-0-warnings")).getText())
          .as("the closed question, flagged beside it")
          .contains("A yes or no answers it");
      assertThat(student.driver().findElements(By.id("question-1-warnings"))).isEmpty();
      student.screenshot("interview-prepare-1280");
      student.assertAccessible("interview workspace, 1280 px");

      new Select(student.driver().findElement(By.id("source"))).selectByValue("LINKEDIN");
      new Select(student.awaitVisible(By.id("outreach-template")))
          .selectByVisibleText("Your career center's: Alumni, first contact");
      student.click(By.xpath("//button[normalize-space()='Write a first draft for me']"));
      student.await(
          d -> d.findElement(By.id("message")).getDomProperty("value").isBlank() ? null : true);
      assertThat(student.driver().findElement(By.id("message")).getDomProperty("value"))
          .as("the center's template, filled for the student's person")
          .startsWith("Dear Maya Chen,\nI found your profile on LinkedIn. I am a student at ");
      student.setValue(
          By.id("time-0"),
          LocalDateTime.now().plusDays(7).withHour(11).truncatedTo(ChronoUnit.HOURS).toString());
      student.click(By.xpath("//button[normalize-space()='Send my request by email']"));
      student.awaitText("Requested");
      student.click(By.xpath("//summary[normalize-space()='Follow up']"));
      assertThat(
              student
                  .awaitVisible(
                      By.xpath("//button[normalize-space()='Send my follow-up by email']"))
                  .isEnabled())
          .as("no answer yet: a follow-up can be written")
          .isTrue();
      student.screenshot("interview-requested-1280");

      // The student's page stays open while the person answers elsewhere: the bar's unread
      // count follows (the inbox's live stream through the gateway), no reload.
      int before = unreadInTheBar(student);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(mailViewer("/messages")).contains(address));
      thePersonAnswersInABrowserWithoutAnAccount(address);
      // the answer, and the calendar invitation for the time agreed
      student.await(d -> unreadInTheBar(student) > before ? true : null);
      theInboxAndTheSettings(student);
    }

    try (Chromium student = new Chromium(375, 812)) {
      student.open(gateway + "/interviews");
      student.signInAtTheDevProvider("student");
      student.click(By.linkText("Maya Chen"));
      student.awaitText("Agreed:");
      student.type(
          By.id("notes-learned"), "Health data teams hire statisticians for study design.");
      student.click(By.xpath("//button[normalize-space()='Save notes']"));
      student.awaitText("Notes saved: done.");
      student.type(By.id("ref-name"), "Priya Raman");
      student.type(By.id("ref-org"), "Northwind Health");
      student.click(By.xpath("//button[normalize-space()='Add referral']"));
      student.awaitText("Referral added: done.");
      assertThat(student.text()).contains("Priya Raman, Northwind Health");
      student.screenshot("interview-scheduled-375");
      student.assertAccessible("interview workspace, 375 px");

      // The referral in the student's network, planned from there as its follow-on: the chain
      // grows by one.
      student.click(By.cssSelector(".bar a[href='/network']"));
      student.awaitText("not asked yet");
      student.screenshot("network-375");
      student.assertAccessible("my network, 375 px");
      student.click(By.partialLinkText("Plan a conversation with Priya Raman"));
      student.click(By.cssSelector("button[aria-label='Plan a conversation with Priya Raman']"));
      student.type(
          By.cssSelector("ii-plan-interview textarea"), "How does a data team at a hospital work?");
      student.click(By.xpath("//button[normalize-space()='Plan it']"));
      student.awaitText("What I want to learn");
      student.click(By.cssSelector(".bar a[href='/network']"));
      student.awaitText("Priya Raman");
      student.await(
          d ->
              d.findElements(
                          By.xpath(
                              "//ul[contains(@class,'network')]//ul//a[contains(., 'Priya Raman')]"))
                      .isEmpty()
                  ? null
                  : true);

      student.click(By.linkText("Home"));
      student.awaitText("Hello, Sam Student");
      student.awaitText("Maya Chen");
      student.screenshot("student-home-375");
      student.assertAccessible("student home, 375 px");
      student.resize(1280, 900);
      student.screenshot("student-home-1280");
      student.assertAccessible("student home, 1280 px");

      student.click(By.xpath("//button[normalize-space()='Sign out']"));
      student.awaitVisible(By.id("username"));
      assertThat(student.driver().getCurrentUrl()).startsWith(PORTS.issuer());
    }
  }

  /**
   * After a conversation (arranged another way, recorded as held in the workspace with its time):
   * the student keeps action items with the notes (kept across a reload, ticked off), sets a
   * keep-in-touch reminder, and reports back, which the platform mails to the person without
   * showing the student their address.
   */
  private void aConversationHeldIsFollowedUpInABrowser(String token) throws Exception {
    String address = "jordan-" + UUID.randomUUID() + "@example.org";
    HttpResponse<String> contact =
        send(
            "POST",
            "/api/contacts/contacts",
            token,
            "{\"givenName\": \"Jordan\", \"familyName\": \"Reyes\", \"organizationName\":"
                + " \"Fabrikam\", \"emails\": [\""
                + address
                + "\"]}");
    assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
    Matcher contactId = ID.matcher(contact.body());
    assertThat(contactId.find()).isTrue();
    String plan =
        "{\"contactId\": \""
            + contactId.group(1)
            + "\", \"purpose\": \"What does a data engineer do all day?\"}";
    HttpResponse<String> planned =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> send("POST", "/api/interviews/interviews", token, plan),
                r -> r.statusCode() == 201);
    Matcher interviewId = ID.matcher(planned.body());
    assertThat(interviewId.find()).isTrue();

    try (Chromium student = new Chromium(375, 812)) {
      student.open("http://localhost:" + PORTS.gateway() + "/interviews/" + interviewId.group(1));
      student.signInAtTheDevProvider("student");
      student.awaitText("A conversation with Jordan Reyes");
      // a call arranged another way, recorded once it took place: a time is asked for first
      student.click(By.xpath("//button[normalize-space()='Record our conversation']"));
      student.awaitText("Say when the conversation began.");
      student.assertAccessible("interview, a conversation held elsewhere, 375 px");
      student.setValue(
          By.id("held-start"),
          LocalDateTime.now(ZoneOffset.UTC)
              .minusHours(2)
              .truncatedTo(ChronoUnit.MINUTES)
              .toString());
      student.click(By.xpath("//button[normalize-space()='Record our conversation']"));
      student.awaitText("Conversation recorded: done.");
      student.type(By.id("item-text"), "Read the team's engineering blog");
      student.setValue(By.id("item-due"), LocalDate.now().plusDays(5).toString());
      student.click(By.xpath("//button[normalize-space()='Add the item']"));
      student.type(By.id("item-text"), "Ask Priya about internships");
      student.click(By.xpath("//button[normalize-space()='Add the item']"));
      student.click(By.xpath("//button[normalize-space()='Save notes']"));
      student.awaitText("Notes saved: done.");
      student.driver().navigate().refresh();
      student.awaitText("Ask Priya about internships");
      assertThat(student.text()).contains("Read the team's engineering blog");
      student.click(By.xpath("//label[normalize-space()='Ask Priya about internships']"));
      student.click(By.xpath("//button[normalize-space()='Save notes']"));
      student.awaitText("Notes saved: done.");
      student.driver().navigate().refresh();
      assertThat(student.awaitVisible(By.id("item-1")).isSelected())
          .as("ticked off, kept")
          .isTrue();

      student.click(By.xpath("//button[normalize-space()='Write a thank-you for me']"));
      student.await(
          d ->
              d.findElement(By.id("thanks-text"))
                      .getDomProperty("value")
                      .startsWith("Dear Jordan Reyes,\n\nThank you for taking the time")
                  ? true
                  : null);

      new Select(student.driver().findElement(By.id("touch-every"))).selectByValue("90");
      student.click(By.xpath("//button[normalize-space()='Save the reminder']"));
      student.awaitText("Next time to be in touch");
      student.click(By.xpath("//button[normalize-space()='Report back']"));
      student.awaitText("Write what came of their advice.");
      student.type(
          By.id("report-message"), "I applied to the data engineering internship you named.");
      student.click(By.xpath("//button[normalize-space()='Report back']"));
      student.awaitText("Report-back recorded: done.");
      assertThat(student.text()).contains("I applied to the data engineering internship");
      student.screenshot("keep-in-touch-375");
      student.assertAccessible("keep in touch, 375 px");
      assertThat(student.text()).as("the person's address is never shown").doesNotContain(address);

      // shared with the demo advisor, read by them, seen by the student, then no longer shared
      student.click(By.linkText("Share it with an advisor"));
      student.awaitText("Sharing with an advisor");
      new Select(student.awaitVisible(By.id("share-advisor"))).selectByVisibleText("Ada Advisor");
      assertThat(
              new Select(student.driver().findElement(By.id("share-what")))
                  .getFirstSelectedOption()
                  .getText())
          .isEqualTo("The conversation with Jordan Reyes");
      student.click(By.xpath("//button[normalize-space()='Share']"));
      student.awaitText("Ada Advisor may read the conversation with Jordan Reyes");
      try (Chromium advisor = new Chromium(1280, 900)) {
        advisor.open("http://localhost:" + PORTS.gateway() + "/shared");
        advisor.signInAtTheDevProvider("advisor");
        advisor.click(By.partialLinkText("with Jordan Reyes"));
        advisor.awaitText("Read the team's engineering blog");
        advisor.assertAccessible("shared with me, one read, 1280 px");
        advisor.screenshot("shared-with-me-1280");
        student.driver().navigate().refresh();
        student.awaitText("Read shared interview: the conversation with Jordan Reyes");
        student.assertAccessible("sharing, 375 px");
        student.screenshot("sharing-375");
        student.click(By.xpath("//button[normalize-space()='Stop sharing']"));
        student.awaitText("Nothing is shared");
        advisor.driver().navigate().refresh();
        advisor.awaitText("was not found");

        // the demo data's five students counted; two of them (finance) too few to show
        advisor.open("http://localhost:" + PORTS.gateway() + "/analytics");
        advisor.awaitText("Interviews by where they stand");
        assertThat(advisor.text()).contains("Requests sent", "Declined", "Cancelled", "Counted ");
        advisor.assertAccessible("cohort analytics, 1280 px");
        advisor.screenshot("analytics-1280");
        String all =
            advisor.fetchText(
                advisor.awaitVisible(By.linkText("Download as CSV")).getDomAttribute("href"));
        // (a browser reading it as text gives its line ends as \n)
        assertThat(all).contains("\nstudents,5\n", "\ninterviews DECLINED,1\n");
        new Select(advisor.driver().findElement(By.id("cohort-field")))
            .selectByVisibleText("Finance");
        advisor.click(By.xpath("//button[normalize-space()='Show']"));
        advisor.awaitText("Fewer than 5 students in this group");
        String csv =
            advisor.fetchText(
                advisor.awaitVisible(By.linkText("Download as CSV")).getDomAttribute("href"));
        assertThat(csv).contains("students,fewer than 5").doesNotContain("interviews");
        // by the studies the sign-in says: three of the class of 2027, too few to show
        new Select(advisor.driver().findElement(By.id("cohort-field"))).selectByVisibleText("All");
        advisor.type(By.id("cohort-classYear"), "2027");
        advisor.click(By.xpath("//button[normalize-space()='Show']"));
        String of2027 =
            advisor.fetchText(
                advisor.awaitVisible(By.linkText("Download as CSV")).getDomAttribute("href"));
        assertThat(of2027).contains("class year,2027", "students,fewer than 5");
      }
    }
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(mailViewer("/messages"))
                    .contains(address)
                    .contains("I applied to the data engineering internship you named."));
  }

  /** The unread count the bar shows, once the inbox's stream has said it. */
  private static int unreadInTheBar(Chromium browser) {
    String unread =
        browser
            .awaitVisible(By.cssSelector(".bar a[href='/inbox'][data-unread]"))
            .getDomAttribute("data-unread");
    return Integer.parseInt(unread);
  }

  /**
   * The student reads the answer in their inbox and marks everything read (the count leaves the
   * bar); in the settings, quiet hours are kept, a zone that does not exist is refused beside its
   * field, and a calendar feed address is made that a calendar app can read without signing in.
   */
  private void theInboxAndTheSettings(Chromium student) throws Exception {
    student.click(By.cssSelector(".bar a[href='/inbox']"));
    student.awaitText("Maya Chen answered your request");
    assertThat(student.text()).contains("Maya Chen accepted your request");
    student.screenshot("inbox-1280");
    student.assertAccessible("inbox, 1280 px");
    student.click(By.xpath("//button[starts-with(normalize-space(), 'Mark all')]"));
    student.awaitText("Everything is marked as read.");
    student.await(d -> unreadInTheBar(student) == 0 ? true : null);
    assertThat(student.driver().findElements(By.cssSelector(".bar .badge"))).isEmpty();

    student.click(By.cssSelector(".bar a[href='/settings']"));
    student.awaitText("Reminders and mail");
    student.click(By.id("quiet"));
    student.setValue(By.id("quiet-from"), "22:00");
    student.setValue(By.id("quiet-until"), "07:30");
    student.type(By.id("zone"), "Mars/Olympus_Mons");
    student.click(By.xpath("//button[normalize-space()='Save']"));
    student.awaitText("is not an IANA time zone");
    assertThat(student.driver().findElement(By.id("zone-error")).getText())
        .as("the refusal beside the field it concerns")
        .contains("is not an IANA time zone");
    student.type(By.id("zone"), "America/Chicago");
    student.click(By.xpath("//button[normalize-space()='Save']"));
    student.awaitText("Saved.");
    student.driver().navigate().refresh();
    student.awaitText("Reminders and mail");
    assertThat(student.awaitVisible(By.id("quiet-until")).getDomProperty("value"))
        .as("quiet hours kept")
        .isEqualTo("07:30");
    assertThat(student.driver().findElement(By.id("zone")).getDomProperty("value"))
        .isEqualTo("America/Chicago");

    student.click(By.xpath("//button[normalize-space()='Make a feed address']"));
    student.awaitText("Copy this address now");
    String feed = student.awaitVisible(By.id("feed-url")).getDomProperty("value");
    assertThat(feed).startsWith("http://localhost:" + PORTS.gateway() + "/api/notifications/");
    student.screenshot("settings-1280");
    student.assertAccessible("settings, 1280 px");
    HttpResponse<String> calendar =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(feed)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(calendar.statusCode()).isEqualTo(200);
    assertThat(calendar.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/calendar");
    assertThat(calendar.body()).contains("BEGIN:VCALENDAR").contains("Maya Chen");

    student.click(By.xpath("//button[normalize-space()='Download my data']"));
    student.awaitText("Your data is downloading as infointerview-export-");
    everythingAboutThemInOneArchive(feed);
  }

  /**
   * The student's whole record through the gateway, as the settings page downloads it: a folder per
   * service, each complete, their contacts and interviews in it, the feed's secret not.
   */
  private void everythingAboutThemInOneArchive(String feed) throws Exception {
    String token = new DevLogin(PORTS.issuer()).accessToken("student", "student");
    HttpResponse<byte[]> archive =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + PORTS.gateway() + "/api/me/export"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(archive.statusCode()).isEqualTo(200);
    Map<String, String> files = Archives.files(archive.body());
    assertThat(files)
        .containsKeys(
            "README.txt",
            "contacts-service/contacts.csv",
            "interviews-service/interviews.csv",
            "notifications-service/calendar-feed.json",
            "manifest.json");
    for (String service : List.of("contacts", "interviews", "notifications")) {
      assertThat(files.get(service + "-service/manifest.json"))
          .as(service + "-service's part")
          .contains("\"complete\" : true");
    }
    assertThat(files.get("contacts-service/contacts.json")).contains("Priya");
    assertThat(files.get("interviews-service/interviews.json")).contains("Maya Chen");
    assertThat(String.join("\n", files.values()))
        .doesNotContain(feed.substring(feed.lastIndexOf('/') + 1));
  }

  /**
   * The demo alumnus (their record made by the demo data, linked by the address the provider
   * vouches for) signs in, answers the demo student's request, and lowers their monthly capacity.
   */
  private void theDemoAlumnusAnswersSignedInAndSetsTheirConsent() {
    try (Chromium alumnus = new Chromium(375, 812)) {
      alumnus.open("http://localhost:" + PORTS.gateway() + "/");
      alumnus.signInAtTheDevProvider("alumnus");
      alumnus.awaitText("Waiting for your answer");
      alumnus.awaitText("What a product manager's first years are like.");
      alumnus.assertAccessible("requests to me, 375 px");
      alumnus.screenshot("requests-to-me-375");
      alumnus.click(By.cssSelector("input[type=radio][value='time-0']"));
      alumnus.click(By.xpath("//button[normalize-space()='Send my answer']"));
      alumnus.awaitText("Your answer was sent to Sam Student.");

      alumnus.click(By.linkText("My profile"));
      alumnus.awaitText("Requests from students");
      assertThat(alumnus.text()).contains("Alex Alumnus");
      assertThat(alumnus.driver().findElement(By.id("me-organizationName")).getDomProperty("value"))
          .isEqualTo("Litware");
      alumnus.type(By.id("me-jobTitle"), "Senior Product Manager");
      alumnus.click(By.xpath("//button[normalize-space()='Save what students see']"));
      alumnus.awaitText("Saved: this is what students see.");
      assertThat(alumnus.driver().findElement(By.id("me-jobTitle")).getDomProperty("value"))
          .isEqualTo("Senior Product Manager");
      alumnus.type(By.id("capacity"), "2");
      alumnus.click(By.xpath("//button[normalize-space()='Save']"));
      alumnus.awaitText("Saved.");
      assertThat(alumnus.driver().findElement(By.id("capacity")).getDomProperty("value"))
          .isEqualTo("2");
      alumnus.assertAccessible("my profile and consent, 375 px");
      alumnus.screenshot("profile-375");
    }
  }

  /**
   * The admin checks a file (nothing stored), imports it with the progress bar to 100 %, reads the
   * error report as the link downloads it, and undoes the import.
   */
  private void anAdminImportsAFileWatchesItAndUndoesIt() throws Exception {
    Path file = data.resolve("alumni-export.csv").toAbsolutePath();
    Files.writeString(
        file,
        "Alumni ID,First Name,Last Name,Email,Employer,Mentor Opt-In\r\n"
            + "UI-1,Rosa,Park,rosa.park@alumni.example.org,Fabrikam,Yes\r\n"
            + "UI-2,Tomás,Ruiz,not-an-address,Litware,Yes\r\n"
            + "UI-3,Lena,Fischer,lena.fischer@alumni.example.org,Proseware,No\r\n",
        StandardCharsets.UTF_8);
    try (Chromium admin = new Chromium(1280, 900)) {
      admin.open("http://localhost:" + PORTS.gateway() + "/imports");
      admin.signInAtTheDevProvider("admin");
      admin.awaitText("Import a file");
      admin.awaitVisible(By.id("import-file")).sendKeys(file.toString());
      admin.click(By.xpath("//button[normalize-space()='Check the file']"));
      admin.awaitText("What the import would do");
      assertThat(admin.text()).containsPattern("\\d of 3 rows can be imported");
      admin.assertAccessible("imports, the dry run, 1280 px");
      admin.click(By.xpath("//button[starts-with(normalize-space(), 'Import ')]"));
      admin.await(
          d ->
              d.findElements(By.id("job-heading")).stream()
                      .anyMatch(h -> h.getText().endsWith("completed"))
                  ? true
                  : null);
      assertThat(admin.driver().findElement(By.id("job-progress")).getDomProperty("value"))
          .as("the progress bar at the end")
          .isEqualTo("100");
      admin.screenshot("imports-completed-1280");
      String report =
          admin.fetchText(
              admin.awaitVisible(By.linkText("Download the error report")).getDomAttribute("href"));
      // (a browser reading it as text drops the byte-order mark spreadsheets want)
      assertThat(report).startsWith("row,column,value,reason").contains("3,Email,not-an-address");
      admin.assertAccessible("imports, completed, 1280 px");
      admin.click(By.xpath("//button[normalize-space()='Undo this import']"));
      admin.click(By.xpath("//dialog[@open]//button[normalize-space()='Yes, undo it']"));
      admin.awaitText("Undone:");
      assertThat(admin.driver().findElement(By.id("job-heading")).getText()).endsWith("undone");
      assertThat(admin.text()).contains("Undone: 2 removed");
      admin.screenshot("imports-undone-1280");
    }
  }

  /**
   * The demo data's alumna registered twice waits in the admin's duplicate review with why; the
   * admin merges the pair into one record, finds it among the merged and undoes the merge; the
   * audit log shows both; the messages that did not go are listed (none here). axe-core checks each
   * screen at 1280 px and the review at 375 px.
   */
  private void anAdminDecidesOnADuplicateAndReadsTheAuditLog() throws Exception {
    try (Chromium admin = new Chromium(1280, 900)) {
      admin.open("http://localhost:" + PORTS.gateway() + "/duplicates");
      admin.signInAtTheDevProvider("admin");
      admin.awaitText("Marisol Vega and Marisol Vega");
      By pair = By.xpath("//article[.//h2[.='Marisol Vega and Marisol Vega']]");
      assertThat(admin.driver().findElement(pair).getText())
          .contains(
              "Two alumni ids, DEMO-REG-1 and DEMO-REG-2",
              "Both graduated in 2015",
              "Both are Nurse Practitioner at Contoso Hospital",
              "mvega.rn@alumni.example.org");
      admin.assertAccessible("duplicates, waiting, 1280 px");
      admin.screenshot("duplicates-1280");
      admin.resize(375, 800);
      admin.assertAccessible("duplicates, waiting, 375 px");
      admin.resize(1280, 900);
      admin.click(
          By.xpath(
              "//article[.//h2[.='Marisol Vega and Marisol Vega']]"
                  + "//section[.//dd[.='DEMO-REG-1']]"
                  + "//button[normalize-space()='The same person: keep this record']"));
      admin.awaitText("Merged: one record kept");
      admin.await(d -> d.findElements(pair).isEmpty() ? true : null);
      new Select(admin.awaitVisible(By.id("review-status"))).selectByVisibleText("Merged");
      admin.awaitText("Marisol Vega: two records merged into one");
      By merged = By.xpath("//article[.//h2[.='Marisol Vega: two records merged into one']]");
      assertThat(admin.driver().findElement(merged).getText())
          .contains("by you", "DEMO-REG-1", "kept", "Merged into the other record");
      admin.click(
          By.xpath(
              "//article[.//h2[.='Marisol Vega: two records merged into one']]"
                  + "//button[normalize-space()='Undo the merge']"));
      admin.awaitText("The merge is undone");
      new Select(admin.awaitVisible(By.id("review-status")))
          .selectByVisibleText("Waiting for a decision");
      admin.awaitText("Marisol Vega and Marisol Vega");

      admin.open("http://localhost:" + PORTS.gateway() + "/audit");
      admin.awaitText("Merge undone");
      assertThat(admin.text()).contains("Merge", "into it", "Admin");
      admin.assertAccessible("audit log, 1280 px");
      admin.screenshot("audit-log-1280");
      admin.type(By.id("audit-action"), "NO_SUCH_ACTION");
      admin.click(By.xpath("//button[normalize-space()='Show']"));
      admin.awaitText("Nothing recorded matches.");

      admin.open("http://localhost:" + PORTS.gateway() + "/messages");
      admin.awaitText("Messages that did not go");
      admin.await(d -> d.findElements(By.cssSelector(".loading")).isEmpty() ? true : null);
      assertThat(admin.text())
          .as("the demo data and everything done so far: every message went")
          .contains("No message has failed.");
      admin.assertAccessible("messages that did not go, 1280 px");

      // a column profile of the center's own, from the built-in one; a header twice refused
      admin.open("http://localhost:" + PORTS.gateway() + "/imports/profiles");
      admin.click(By.xpath("//button[@aria-label='Start a new profile from alumni-db-export']"));
      admin.type(By.id("profile-name"), "our-export");
      admin.click(By.xpath("//button[normalize-space()='Add a column']"));
      String header =
          admin.await(
              d -> {
                String id = d.switchTo().activeElement().getDomAttribute("id");
                return id != null && id.endsWith("-header") ? id : null;
              });
      admin.type(By.id(header), "Alumni ID");
      admin.click(By.xpath("//button[normalize-space()='Save the profile']"));
      assertThat(admin.awaitVisible(By.id(header + "-error")).getText()).contains("appears twice");
      admin.type(By.id(header), "Nickname");
      new Select(admin.driver().findElement(By.id(header.replace("-header", "-target"))))
          .selectByVisibleText("Preferred name");
      admin.click(By.xpath("//button[normalize-space()='Save the profile']"));
      admin.awaitText("Saved: our-export");
      admin.assertAccessible("column profiles, 1280 px");

      // the alumni database sync: an address inside the network refused beside its field
      admin.open("http://localhost:" + PORTS.gateway() + "/alumni-sync");
      admin.awaitText("Not set up yet.");
      admin.type(By.id("sync-baseUrl"), "https://169.254.169.254/latest/meta-data");
      new Select(admin.driver().findElement(By.id("sync-authentication")))
          .selectByVisibleText("None");
      admin.type(By.id("sync-schedule"), "0 0 2 * * *");
      admin.click(By.id("sync-enabled"));
      admin.click(By.xpath("//button[normalize-space()='Save the settings']"));
      assertThat(admin.awaitVisible(By.id("sync-baseUrl-error")).getText())
          .contains("which is not allowed");
      admin.type(By.id("sync-baseUrl"), "https://93.184.216.34/api/v1/alumni");
      admin.click(By.xpath("//button[normalize-space()='Save the settings']"));
      admin.awaitText("Next run ");
      admin.assertAccessible("alumni database sync, 1280 px");

      // an organization: a website that is not one refused beside its field, then added, changed
      admin.open("http://localhost:" + PORTS.gateway() + "/organizations");
      admin.click(By.xpath("//button[normalize-space()='Add an organization']"));
      admin.type(By.id("org-name"), "Tailspin Toys UI");
      admin.type(By.id("org-website"), "javascript:alert(1)");
      admin.click(By.xpath("//form[@aria-labelledby='org-form-heading']//button[@type='submit']"));
      assertThat(admin.awaitVisible(By.id("org-website-error")).getText())
          .contains("must be an http or https address");
      admin.type(By.id("org-website"), "https://tailspin-toys-ui.example.com/");
      admin.click(By.xpath("//form[@aria-labelledby='org-form-heading']//button[@type='submit']"));
      admin.awaitText("Added: Tailspin Toys UI.");
      admin.type(By.id("org-q"), "tailspin toys");
      admin.click(By.xpath("//button[normalize-space()='Find']"));
      admin.awaitText("tailspin-toys-ui.example.com");
      admin.click(By.xpath("//button[@aria-label='Change Tailspin Toys UI']"));
      admin.type(By.id("org-city"), "Seattle");
      admin.click(By.xpath("//form[@aria-labelledby='org-form-heading']//button[@type='submit']"));
      admin.awaitText("Saved: Tailspin Toys UI.");
      admin.awaitText("Seattle");
      admin.assertAccessible("organizations, 1280 px");
      // removed after a question in the shared dialog: Escape keeps it and gives focus back
      By remove = By.xpath("//button[@aria-label='Remove Tailspin Toys UI']");
      admin.click(remove);
      WebElement question = admin.awaitVisible(By.cssSelector("dialog[open]"));
      assertThat(question.getText()).contains("Remove Tailspin Toys UI?");
      assertThat(admin.driver().switchTo().activeElement().getText()).isEqualTo("Keep it");
      admin.assertAccessible("organizations, the removal's question, 1280 px");
      admin.driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
      admin.await(d -> d.findElements(By.cssSelector("dialog")).isEmpty() ? true : null);
      assertThat(admin.driver().switchTo().activeElement().getDomAttribute("aria-label"))
          .isEqualTo("Remove Tailspin Toys UI");
      assertThat(admin.text()).contains("tailspin-toys-ui.example.com");
      admin.click(remove);
      admin.click(By.xpath("//dialog[@open]//button[normalize-space()='Yes, remove']"));
      admin.awaitText("Removed: Tailspin Toys UI.");
      admin.await(d -> admin.text().contains("tailspin-toys-ui.example.com") ? null : true);

      // a person's erasure: unclear requests refused in words, nothing erased
      admin.open("http://localhost:" + PORTS.gateway() + "/erasures");
      admin.awaitText("Erase a person");
      admin.type(By.id("erase-email"), "nobody-at-all@example.edu");
      admin.click(By.xpath("//button[normalize-space()='Erase this person']"));
      admin.awaitText("Tick that you understand it cannot be undone.");
      admin.click(By.id("erase-sure"));
      admin.click(By.xpath("//button[normalize-space()='Erase this person']"));
      admin.awaitText("Nobody signed in with that address");
      admin.awaitText("Off: students");
      admin.type(By.id("retention-years"), "1");
      admin.click(By.xpath("//button[normalize-space()='Show what would go']"));
      admin.awaitText(
          "Students of the class of " + (LocalDate.now().getYear() - 1) + " and before");
      admin.assertAccessible("erasure and retention, 1280 px");

      // a career field of the center's own, a rule that files people under it, applied
      admin.open("http://localhost:" + PORTS.gateway() + "/career-fields");
      admin.awaitText("Filing imported people");
      admin.assertAccessible("career fields, 1280 px");
      admin.type(By.id("add-field-name"), "Data science");
      admin.type(By.id("add-field-code"), "data science");
      admin.click(By.xpath("//button[normalize-space()='Add the field']"));
      assertThat(admin.awaitVisible(By.id("add-field-code-error")).getText())
          .contains("upper case letters");
      assertThat(admin.driver().findElement(By.id("add-field-name")).getDomProperty("value"))
          .as("what was typed stays")
          .isEqualTo("Data science");
      admin.type(By.id("add-field-code"), "DATA_SCIENCE_UI");
      admin.click(By.xpath("//button[normalize-space()='Add the field']"));
      admin.awaitText("Added: Data science.");
      admin.click(By.xpath("//button[normalize-space()='Add a rule']"));
      String words =
          admin.await(
              d -> {
                String id = d.switchTo().activeElement().getDomAttribute("id");
                return id != null && id.endsWith("-words") ? id : null;
              });
      String rule = words.substring(0, words.length() - "-words".length());
      admin.type(By.id(words), "data scientist");
      admin.type(By.id(rule + "-fields"), "Astrology");
      admin.click(By.xpath("//button[normalize-space()='Save the rules']"));
      assertThat(admin.awaitVisible(By.id(rule + "-fields-error")).getText())
          .contains("is not a career cluster");
      admin.type(By.id(rule + "-fields"), "DATA_SCIENCE_UI, information technology");
      admin.click(By.xpath("//button[normalize-space()='Save the rules']"));
      admin.awaitText("Saved: ");
      admin.click(By.xpath("//button[normalize-space()='Apply the rules now']"));
      admin.awaitText("Last applied version");
      assertThat(admin.text()).containsPattern("\\d+ people read, \\d+ changed, finished");
      admin.screenshot("career-fields-1280");
    }
  }

  /**
   * The student brings their LinkedIn connections from "Find people": the file as LinkedIn writes
   * it (notes above the header), its kind told by its columns, checked, imported; the same file
   * again changes nothing; the people are found among the student's own contacts.
   */
  private void aStudentBringsTheirLinkedInConnections() throws Exception {
    Path file = data.resolve("Connections.csv").toAbsolutePath();
    Files.writeString(
        file,
        "Notes:\r\n"
            + "\"When exporting your connection data, you may notice that some of the email"
            + " addresses are missing.\"\r\n"
            + "\r\n"
            + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
            + "Chidi,Okonkwo,https://www.linkedin.com/in/chidi-okonkwo-ui,,Contoso,Product"
            + " Manager,14 Mar 2024\r\n"
            + "Hana,Sato,https://www.linkedin.com/in/hana-sato-ui,hana@example.org,Fabrikam,"
            + "\"Engineer, Platform\",02 Feb 2023\r\n",
        StandardCharsets.UTF_8);
    try (Chromium student = new Chromium(1280, 900)) {
      student.open("http://localhost:" + PORTS.gateway() + "/find");
      student.signInAtTheDevProvider("student");
      student.click(By.linkText("Bring my LinkedIn connections or address book"));
      student.awaitText("Bring your own contacts");
      for (int round = 1; round <= 2; round++) {
        student.awaitVisible(By.id("import-file")).sendKeys(file.toString());
        student.click(By.xpath("//button[normalize-space()='Check the file']"));
        student.awaitText("What the import would do");
        assertThat(student.text()).contains("2 of 2 rows can be imported", "linkedin-connections");
        if (round == 1) {
          student.assertAccessible("my imports, the dry run, 1280 px");
        }
        student.click(By.xpath("//button[starts-with(normalize-space(), 'Import ')]"));
        student.await(
            d ->
                d.findElements(By.id("job-heading")).stream()
                        .anyMatch(h -> h.getText().endsWith("completed"))
                    ? true
                    : null);
      }
      assertThat(student.text())
          .as("the same file again")
          .contains("0 new, 0 updated, 2 unchanged, 0 refused");
      student.assertAccessible("my imports, completed, 1280 px");
      student.screenshot("my-imports-1280");
      // an address book names Chidi at Contoso again, with no address or profile to tell
      Path book = data.resolve("contacts.csv").toAbsolutePath();
      Files.writeString(
          book,
          "First Name,Last Name,Organization Name,Organization Title\r\n"
              + "Chidi,Okonkwo,Contoso,Director of Product\r\n",
          StandardCharsets.UTF_8);
      student.awaitVisible(By.id("import-file")).sendKeys(book.toString());
      student.click(By.xpath("//button[normalize-space()='Check the file']"));
      student.awaitText("google-contacts");
      student.click(By.xpath("//button[starts-with(normalize-space(), 'Import ')]"));
      student.awaitText("Maybe the same person");
      assertThat(student.text()).contains("Both are Chidi Okonkwo at Contoso");
      student.assertAccessible("my imports, maybe the same person, 1280 px");
      student.screenshot("my-imports-same-person-1280");
      student.click(By.xpath("//button[normalize-space()='The same person: keep one']"));
      student.await(d -> d.findElements(By.id("matches-heading")).isEmpty() ? true : null);
      student.open("http://localhost:" + PORTS.gateway() + "/find");
      student.awaitVisible(By.id("find-q")).sendKeys("Okonkwo");
      student.click(By.id("find-own"));
      student.click(By.xpath("//button[normalize-space()='Search']"));
      student.awaitText("Chidi Okonkwo");
      assertThat(student.driver().findElements(By.xpath("//li[.//strong[.='Chidi Okonkwo']]")))
          .as("one Chidi, merged")
          .hasSize(1);
    }
  }

  /**
   * The request mail's answer link opened in a fresh browser (no account, no session): the page
   * shows who asks and the times offered, and one is accepted.
   */
  private void thePersonAnswersInABrowserWithoutAnAccount(String address) throws Exception {
    String mails = mailViewer("/messages");
    // The body as sent, quoted-printable: soft line breaks and '=' undone.
    String mail = mails.substring(mails.lastIndexOf(address));
    Matcher link =
        Pattern.compile("(http://localhost:" + PORTS.gateway() + "/answer#[A-Za-z0-9_.~-]+)")
            .matcher(mail.replaceAll("=\\\\r\\\\n|=\\r\\n", "").replace("=3D", "="));
    assertThat(link.find()).as("the answer link in the mail: %s", mail).isTrue();
    try (Chromium browser = new Chromium(375, 812)) {
      browser.open(link.group(1));
      browser.awaitText("Sam Student");
      assertThat(browser.text())
          .contains("asks for 20 to 30 minutes")
          .contains("How do you move from statistics into health data?")
          .doesNotContain("Sign in");
      browser.screenshot("answer-page-375");
      browser.assertAccessible("answer page, 375 px");
      browser.click(By.cssSelector("input[type=radio][value='time-0']"));
      browser.type(By.tagName("textarea"), "Happy to talk. Call me on video.");
      browser.click(By.cssSelector("button[type=submit]"));
      browser.awaitText("your answer was sent to Sam Student");
      assertThat(browser.text()).contains("Agreed:");
      browser.screenshot("answer-page-answered-375");
      browser.assertAccessible("answer page answered, 375 px");
    }
  }

  /**
   * The real chain no module test covers whole: interviews-service publishes the request,
   * notifications-service asks contacts-service's /internal API for the address with its own
   * client-credentials token from the dev provider, and the mail reaches the local SMTP server.
   */
  private void aRequestByEmailReachesThePerson(String token) throws Exception {
    String address = "lin-" + UUID.randomUUID() + "@example.org";
    HttpResponse<String> contact =
        send(
            "POST",
            "/api/contacts/contacts",
            token,
            "{\"givenName\": \"Lin\", \"familyName\": \"Okafor\", \"emails\": [\""
                + address
                + "\"], \"timeZone\": \"Europe/London\"}");
    assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
    Matcher contactId = ID.matcher(contact.body());
    assertThat(contactId.find()).isTrue();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                send("GET", "/api/interviews/contacts/" + contactId.group(1), token, null)
                        .statusCode()
                    == 200);
    HttpResponse<String> planned =
        send(
            "POST",
            "/api/interviews/interviews",
            token,
            "{\"contactId\": \""
                + contactId.group(1)
                + "\", \"careerField\": \"HEALTH_SCIENCE\", \"purpose\": \"How do you"
                + " move from statistics into health data?\"}");
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    Matcher interviewId = ID.matcher(planned.body());
    assertThat(interviewId.find()).isTrue();
    HttpResponse<String> sent =
        send(
            "POST",
            "/api/interviews/interviews/" + interviewId.group(1) + "/outreach",
            token,
            "{\"channel\": \"EMAIL\", \"message\": \"Dear Lin, my cousin gave me your name."
                + " Would you have 20 minutes to tell me about your work? I am looking for"
                + " advice, not a job. Thank you, Sam\", \"times\": [{\"start\": \""
                + Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS)
                + "\", \"mode\": \"VIDEO\"}]}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(mailViewer("/"))
                    .contains(address)
                    .contains("would like to hear about your work"));
    // the same mail, one line of it, with when the server took it (what benchmarks read)
    String received = mailViewer("/messages/received");
    assertThat(received)
        .contains(address)
        .containsPattern("\"receivedAt\":\"\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z\"")
        .contains("would like to hear about your work: a 20-minute conversation?")
        .doesNotContain("my cousin gave me your name");
  }

  /** A browser's visit through the gateway's sign-in at the dev OIDC provider, with cookies. */
  private void browserSignsInAtTheDevProviderAndSignsOut(String contactId) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String gateway = "http://localhost:" + PORTS.gateway();
    String authorize =
        location(
            browse(browser, "GET", gateway + "/oauth2/authorization/infointerview", null, null));
    assertThat(authorize).startsWith(PORTS.issuer()).contains("code_challenge=");
    String loginPage = location(browse(browser, "GET", authorize, null, null));
    String form = browse(browser, "GET", loginPage, null, null).body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
    assertThat(csrf.find()).as("login form").isTrue();
    String afterLogin =
        location(
            browse(
                browser,
                "POST",
                PORTS.issuer() + "/login",
                "username=student&password=student&_csrf=" + csrf.group(1),
                "application/x-www-form-urlencoded"));
    String callback = location(browse(browser, "GET", afterLogin, null, null));
    assertThat(callback).startsWith(gateway + "/login/oauth2/code/infointerview");
    assertThat(browse(browser, "GET", callback, null, null).statusCode()).isEqualTo(302);

    HttpResponse<String> own =
        browser.send(
            HttpRequest.newBuilder(URI.create(gateway + "/api/contacts/contacts?scope=own"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(own.body()).contains(contactId);

    String xsrf =
        cookies.getCookieStore().getCookies().stream()
            .filter(c -> c.getName().equals("XSRF-TOKEN"))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElseThrow();
    HttpResponse<String> signOut =
        browser.send(
            HttpRequest.newBuilder(URI.create(gateway + "/logout"))
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String providerLogout = location(signOut);
    assertThat(providerLogout).startsWith(PORTS.issuer() + "/connect/logout");
    assertThat(location(browse(browser, "GET", providerLogout, null, null))).startsWith(gateway);
    assertThat(browse(browser, "GET", gateway + "/api/contacts/contacts", null, null).statusCode())
        .isEqualTo(401);
  }

  private static HttpResponse<String> browse(
      HttpClient browser, String method, String uri, String form, String type) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri))
            .header("Accept", "text/html")
            .method(
                method,
                form == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(form));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String location(HttpResponse<?> response) {
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no redirect from " + response.uri() + ": " + response.statusCode()));
    return response.uri().resolve(location).toString();
  }

  private Running start() throws IOException {
    Path jar = Path.of("target", "local-run.jar");
    assertThat(jar).as("the local-run jar is built by the package phase").exists();
    Files.createDirectories(data);
    Process launcher =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--root=..",
                "--data=" + data,
                "--port-offset=" + OFFSET)
            .redirectErrorStream(true)
            .start();
    Instant begin = Instant.now();
    List<String> output = new ArrayList<>();
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  synchronized (output) {
                    output.add(line);
                  }
                  if (line.contains("InfoInterview is ready")) {
                    ready.complete(true);
                  }
                }
              } catch (IOException e) {
                // the launcher exited
              }
              ready.complete(false);
            },
            "local-run-output");
    reader.setDaemon(true);
    reader.start();
    boolean up;
    try {
      up = ready.get(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      up = false;
    }
    if (!up) {
      launcher.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
      synchronized (output) {
        throw new AssertionError(
            "The local run did not become ready:\n" + String.join("\n", output));
      }
    }
    Duration took = Duration.between(begin, Instant.now());
    List<ProcessHandle> jvms = new ArrayList<>();
    jvms.add(launcher.toHandle());
    launcher.toHandle().descendants().forEach(jvms::add);
    long rssKb = jvms.stream().mapToLong(ProcessMemory::rssKb).sum();
    System.out.printf(
        "local run: ready in %d s, %d JVMs, total RSS %d MB%n",
        took.toSeconds(), jvms.size(), rssKb / 1024);
    assertThat(jvms)
        .as("the java -jar process, the bounded launcher, Kafka, four services and the web UI")
        .hasSize(8);
    return new Running(launcher, jvms, output);
  }

  private record Running(Process launcher, List<ProcessHandle> jvms, List<String> output) {

    List<String> said() {
      synchronized (output) {
        return List.copyOf(output);
      }
    }

    void stopAndExpectNothingLeft() throws InterruptedException {
      launcher.destroy();
      assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("the launcher stops").isTrue();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> assertThat(jvms).as("processes left behind").noneMatch(ProcessHandle::isAlive));
    }
  }

  private String mailViewer(String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + PORTS.mailViewer() + path))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + PORTS.gateway() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
