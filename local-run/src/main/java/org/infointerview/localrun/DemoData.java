package org.infointerview.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a newcomer sees on the first run instead of an empty product, made through the public API as
 * people would make it (so every service and read model has it, events included): a few hundred
 * opted-in alumni across career fields and time zones, imported by the demo admin the way a career
 * center imports its alumni database, and the demo student's first steps: a personal contact, one
 * interview planned and prepared, one request sent by email (its mail, with the answer link, in the
 * mail viewer), one conversation scheduled. Made once per data folder; {@code --demo-data=false}
 * skips it. Never in compose's deployment.
 */
final class DemoData {

  static final int ALUMNI = 300;
  private static final String MARKER = "demo-data-made";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static final List<String> GIVEN =
      List.of(
          "Aisha", "Ben", "Carmen", "Daniel", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal",
          "Keiko", "Liam", "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Samuel", "Tanvi",
          "Uma", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Ana", "Kwame", "Sofia", "Mateo");
  private static final List<String> FAMILY =
      List.of(
          "Adeyemi",
          "Brennan",
          "Castillo",
          "Dubois",
          "Eriksen",
          "Fernández",
          "García",
          "Haddad",
          "Ito",
          "Johansson",
          "Kowalski",
          "López",
          "Mensah",
          "Nguyen",
          "O'Connor",
          "Patel",
          "Quispe",
          "Rossi",
          "Schmidt",
          "Tanaka",
          "Usman",
          "Varga",
          "Wójcik",
          "Xu",
          "Yilmaz",
          "Zhang");
  private static final Map<String, List<String[]>> WORK =
      Map.of(
          "HEALTH_SCIENCE",
          List.of(
              new String[] {"Northwind Health", "Biostatistician"},
              new String[] {"Contoso Hospital", "Nurse Practitioner"},
              new String[] {"Fabrikam Pharma", "Clinical Research Associate"}),
          "INFORMATION_TECHNOLOGY",
          List.of(
              new String[] {"Tailspin Software", "Software Engineer"},
              new String[] {"Adventure Works Cloud", "Site Reliability Engineer"},
              new String[] {"Litware", "Product Manager"}),
          "FINANCE",
          List.of(
              new String[] {"Woodgrove Bank", "Financial Analyst"},
              new String[] {"Trey Research Capital", "Risk Manager"}),
          "EDUCATION_TRAINING",
          List.of(
              new String[] {"Lincoln Public Schools", "High School Teacher"},
              new String[] {"Graphic Design Institute", "Instructional Designer"}),
          "MARKETING",
          List.of(
              new String[] {"Proseware", "Brand Strategist"},
              new String[] {"Wingtip Toys", "Digital Marketing Lead"}),
          "GOVERNMENT_PUBLIC_ADMINISTRATION",
          List.of(
              new String[] {"City of Springfield", "Policy Analyst"},
              new String[] {"State Department of Health", "Program Manager"}),
          "STEM",
          List.of(
              new String[] {"Blue Yonder Labs", "Research Scientist"},
              new String[] {"Coho Energy", "Mechanical Engineer"}),
          "ARTS_AV_COMMUNICATIONS",
          List.of(
              new String[] {"Fourth Coffee Media", "Video Producer"},
              new String[] {"Lucerne Publishing", "Editor"}),
          "LAW_PUBLIC_SAFETY",
          List.of(
              new String[] {"Alpine Legal Aid", "Staff Attorney"},
              new String[] {"County Public Defender", "Paralegal"}),
          "HUMAN_SERVICES",
          List.of(
              new String[] {"Humongous Insurance Foundation", "Social Worker"},
              new String[] {"Southridge Community Center", "Program Coordinator"}));
  private static final List<String[]> PLACES =
      List.of(
          new String[] {"Chicago", "IL", "US", "America/Chicago"},
          new String[] {"New York", "NY", "US", "America/New_York"},
          new String[] {"Seattle", "WA", "US", "America/Los_Angeles"},
          new String[] {"Denver", "CO", "US", "America/Denver"},
          new String[] {"Atlanta", "GA", "US", "America/New_York"},
          new String[] {"Toronto", "ON", "CA", "America/Toronto"},
          new String[] {"London", "", "GB", "Europe/London"},
          new String[] {"Berlin", "", "DE", "Europe/Berlin"},
          new String[] {"Bengaluru", "", "IN", "Asia/Kolkata"},
          new String[] {"Mexico City", "", "MX", "America/Mexico_City"});
  private static final List<String> MAJORS =
      List.of("Statistics", "Biology", "Computer Science", "Economics", "English", "Nursing");

  private final LocalPorts ports;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  DemoData(LocalPorts ports) {
    this.ports = ports;
  }

  static boolean made(Path data) {
    return Files.exists(data.resolve(MARKER));
  }

  static void markMade(Path data) {
    try {
      Files.writeString(data.resolve(MARKER), Instant.now().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes it all; what it made, in a line. */
  String make() throws IOException, InterruptedException {
    // A sign-in each: the provider remembers a browser's session, and would give the next
    // authorization to the person already signed in.
    // Everyone signs in first, as a browser's sign-in does: their profiles (and the addresses
    // mail goes to) reach every service while the alumni are imported, before anyone acts.
    String admin = signedIn("admin");
    // the demo advisor too: students find them to share with from the first run on
    signedIn("advisor");
    Map<String, String> students = new HashMap<>();
    for (String student : List.of("student", "priya", "diego", "mei", "omar")) {
      students.put(student, signedIn(student));
    }
    JsonNode job =
        call(
            "POST",
            "/api/contacts/imports?profile=alumni-db-export&fileName=demo-alumni.csv",
            admin,
            "text/csv",
            alumniCsv());
    String importId = job.get("id").asString();
    Instant deadline = Instant.now().plus(WAIT);
    while (!"COMPLETED".equals(job.get("status").asString())) {
      if (Instant.now().isAfter(deadline) || "FAILED".equals(job.get("status").asString())) {
        throw new IllegalStateException("the demo alumni import did not complete: " + job);
      }
      Thread.sleep(500);
      job = call("GET", "/api/contacts/imports/" + importId, admin, null, null);
    }

    String student = students.get("student");
    String cousin =
        call(
                "POST",
                "/api/contacts/contacts",
                student,
                "application/json",
                "{\"givenName\": \"Jordan\", \"familyName\": \"Lee\", \"organizationName\":"
                    + " \"Tailspin Software\", \"jobTitle\": \"Data Engineer\", \"tags\":"
                    + " [\"cousin\"]}")
            .get("id")
            .asString();
    String planned =
        plan(
            student,
            alumnus(student, "title=Biostatistician"),
            "HEALTH_SCIENCE",
            "How statisticians" + " work in health research, and what to study for it.");
    call(
        "PUT",
        "/api/interviews/interviews/" + planned + "/preparation",
        student,
        "application/json",
        "{\"pitch\": \"I am Sam, a junior in statistics. I found you in our alumni database and"
            + " would love to hear how you went from a statistics degree to health research.\","
            + " \"questions\": [{\"text\": \"What does a usual week look like for you?\"},"
            + " {\"text\": \"How did you move from your degree into this work?\"},"
            + " {\"text\": \"Do you like your job?\"}]}");
    String requested =
        plan(
            student,
            alumnus(student, "q=Alex+Alumnus"),
            "INFORMATION_TECHNOLOGY",
            "What a product manager's first years are like.");
    Instant nextWeek = nextWeekAt(15);
    call(
        "POST",
        "/api/interviews/interviews/" + requested + "/outreach",
        student,
        "application/json",
        "{\"channel\": \"EMAIL\", \"message\": \"Hello, I found your name in our university's"
            + " alumni database. I am a junior studying statistics and curious about product"
            + " management. Would you have 20 minutes to tell me about your work? I am looking"
            + " for advice, not a job. Thank you, Sam\", \"times\": [{\"start\": \""
            + nextWeek
            + "\", \"mode\": \"VIDEO\"}, {\"start\": \""
            + nextWeek.plus(Duration.ofDays(1))
            + "\", \"mode\": \"VIDEO\"}]}");
    String scheduled =
        plan(
            student,
            alumnus(student, "title=Policy+Analyst"),
            "GOVERNMENT_PUBLIC_ADMINISTRATION",
            "How data is used in public policy.");
    call(
        "POST",
        "/api/interviews/interviews/" + scheduled + "/outreach",
        student,
        "application/json",
        "{\"channel\": \"PHONE\", \"message\": \"Called and left my name; they called back.\"}");
    call(
        "POST",
        "/api/interviews/interviews/" + scheduled + "/schedule",
        student,
        "application/json",
        "{\"start\": \""
            + nextWeekAt(17).plus(Duration.ofDays(2))
            + "\", \"mode\": \"PHONE\", \"studentTimeZone\": \"America/Chicago\"}");
    heldAndFollowed(student, cousin);
    cohort(students);
    return ALUMNI
        + " opted-in alumni (imported by admin, alumnus among them, one registered twice), a"
        + " contact and three"
        + " interviews for student (planned, requested by email of alumnus, scheduled; one held"
        + " last week and thanked, whose referral led to the next; one held three days ago, its"
        + " thank-you overdue), two each"
        + " for priya, diego, mei and omar (requested, scheduled with a referral, declined,"
        + " cancelled, closed, unanswered, planned; diego's meeting of 2 minutes from now missed"
        + " once it has ended)";
  }

  /**
   * The student's conversations already held, arranged by phone: one last week, with notes, a
   * referral to their cousin and a thank-you on time, the cousin asked next through it (a referral
   * chain); one three days ago, its thank-you overdue.
   */
  private void heldAndFollowed(String student, String cousin)
      throws IOException, InterruptedException {
    String held =
        plan(
            student,
            alumnus(student, "title=Mechanical+Engineer"),
            "STEM",
            "What a mechanical engineer's work is like.");
    Instant lastWeek = nextWeekAt(15).minus(Duration.ofDays(14));
    call(
        "POST",
        "/api/interviews/interviews/" + held + "/held",
        student,
        "application/json",
        "{\"start\": \""
            + lastWeek
            + "\", \"mode\": \"PHONE\", \"studentTimeZone\":"
            + " \"America/Chicago\"}");
    call(
        "PUT",
        "/api/interviews/interviews/" + held + "/notes",
        student,
        "application/json",
        "{\"learned\": \"Most of the work is cleaning data and explaining results.\","
            + " \"advice\": \"Take the databases course; build one project end to end.\","
            + " \"actionItems\": [{\"text\": \"Sign up for the databases course\"}],"
            + " \"mayContactAgain\": true}");
    String referral =
        call(
                "POST",
                "/api/interviews/interviews/" + held + "/referrals",
                student,
                "application/json",
                "{\"name\": \"Jordan Lee\", \"organizationName\": \"Tailspin Software\","
                    + " \"why\": \"Builds the data pipelines the scientists use.\"}")
            .get("referrals")
            .get(0)
            .get("referralId")
            .asString();
    call(
        "POST",
        "/api/interviews/interviews/" + held + "/thank-you",
        student,
        "application/json",
        "{\"channel\": \"EMAIL\", \"sentAt\": \"" + lastWeek.plus(Duration.ofDays(1)) + "\"}");
    plan(student, cousin, "INFORMATION_TECHNOLOGY", "How data pipelines are built.", referral);
    String overdue =
        plan(
            student,
            alumnus(student, "title=Clinical+Research+Associate"),
            "HEALTH_SCIENCE",
            "How clinical trials are run.");
    call(
        "POST",
        "/api/interviews/interviews/" + overdue + "/held",
        student,
        "application/json",
        "{\"start\": \""
            + Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES)
            + "\", \"mode\": \"VIDEO\"}");
  }

  /**
   * Four more students' first steps, so the cohort analytics count five students on a first run:
   * interviews requested by phone, scheduled (one with a referral), declined, cancelled, planned.
   */
  private void cohort(Map<String, String> students) throws IOException, InterruptedException {
    String priya = students.get("priya");
    String engineer =
        plan(
            priya,
            alumnus(priya, "title=Software+Engineer"),
            "INFORMATION_TECHNOLOGY",
            "What a software engineer's first year is like.");
    calledAndAgreed(priya, engineer, nextWeekAt(14).plus(Duration.ofDays(1)));
    call(
        "POST",
        "/api/interviews/interviews/" + engineer + "/referrals",
        priya,
        "application/json",
        "{\"name\": \"Hana Sato\", \"organizationName\": \"Tailspin Software\","
            + " \"why\": \"Leads the data platform team.\"}");
    // called off, then put away: CLOSED
    String analyst =
        plan(
            priya, alumnus(priya, "title=Financial+Analyst"), "FINANCE", "How analysts start out.");
    call(
        "POST",
        "/api/interviews/interviews/" + analyst + "/cancel",
        priya,
        "application/json",
        "{\"reason\": \"My finance class answered what I wanted to ask.\"}");
    call(
        "POST",
        "/api/interviews/interviews/" + analyst + "/close",
        priya,
        "application/json",
        "{}");

    String diego = students.get("diego");
    String nurse =
        plan(
            diego,
            alumnus(diego, "title=Nurse+Practitioner"),
            "HEALTH_SCIENCE",
            "How nurse practitioners choose a specialty.");
    called(diego, nurse);
    call(
        "POST",
        "/api/interviews/interviews/" + nurse + "/declined",
        diego,
        "application/json",
        "{}");
    called(
        diego,
        plan(diego, alumnus(diego, "title=Research+Scientist"), "STEM", "Research careers."));

    missedLater("diego", diego, alumnus(diego, "title=Site+Reliability+Engineer"));

    String mei = students.get("mei");
    calledAndAgreed(
        mei,
        plan(
            mei,
            alumnus(mei, "title=Program+Manager"),
            "GOVERNMENT_PUBLIC_ADMINISTRATION",
            "Running public health programs."),
        nextWeekAt(16).plus(Duration.ofDays(3)));
    String editor =
        plan(mei, alumnus(mei, "title=Editor"), "ARTS_AV_COMMUNICATIONS", "Editing as a career.");
    call(
        "POST",
        "/api/interviews/interviews/" + editor + "/cancel",
        mei,
        "application/json",
        "{\"reason\": \"I chose to talk to someone in publishing first.\"}");

    String omar = students.get("omar");
    String risk =
        plan(omar, alumnus(omar, "title=Risk+Manager"), "FINANCE", "How risk teams work.");
    called(omar, risk);
    call(
        "POST",
        "/api/interviews/interviews/" + risk + "/no-response",
        omar,
        "application/json",
        "{}");
    plan(
        omar,
        alumnus(omar, "title=Video+Producer"),
        "ARTS_AV_COMMUNICATIONS",
        "Producing video for a living.");
  }

  /**
   * A meeting that will be missed: agreed (by phone) for two minutes from now, a quarter of an hour
   * long, and marked as missed once it has ended (an interview is marked so only after its time, so
   * the demo's NO_SHOW appears some 18 minutes into the first run; a run stopped before leaves it
   * SCHEDULED in the past, waiting for the student to say what happened).
   */
  private void missedLater(String user, String student, String contact)
      throws IOException, InterruptedException {
    String missed =
        plan(
            student,
            contact,
            "INFORMATION_TECHNOLOGY",
            "How site reliability engineers keep things up.");
    called(student, missed);
    Instant start = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES);
    call(
        "POST",
        "/api/interviews/interviews/" + missed + "/schedule",
        student,
        "application/json",
        "{\"start\": \"" + start + "\", \"durationMinutes\": 15, \"mode\": \"PHONE\"}");
    Duration untilEnded = Duration.between(Instant.now(), start.plus(Duration.ofMinutes(16)));
    Thread later =
        new Thread(
            () -> {
              try {
                Thread.sleep(untilEnded.toMillis());
                // a fresh sign-in: the first one's token has expired meanwhile
                call(
                    "POST",
                    "/api/interviews/interviews/" + missed + "/no-show",
                    signedIn(user),
                    "application/json",
                    "{}");
              } catch (IOException | RuntimeException e) {
                System.out.println("[local-run] The demo's missed meeting stays scheduled: " + e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "demo-missed-meeting");
    later.setDaemon(true);
    later.start();
  }

  /** A demo person's token, their profile made first as a browser's sign-in makes it. */
  private String signedIn(String user) throws IOException, InterruptedException {
    String token = new DevLogin(ports.issuer()).accessToken(user, user);
    call("GET", "/api/contacts/me", token, null, null);
    return token;
  }

  /** The student called the person and left their name. */
  private void called(String student, String interview) throws IOException, InterruptedException {
    call(
        "POST",
        "/api/interviews/interviews/" + interview + "/outreach",
        student,
        "application/json",
        "{\"channel\": \"PHONE\", \"message\": \"Called and left my name.\"}");
  }

  /** Called, and a time agreed on the phone. */
  private void calledAndAgreed(String student, String interview, Instant start)
      throws IOException, InterruptedException {
    called(student, interview);
    call(
        "POST",
        "/api/interviews/interviews/" + interview + "/schedule",
        student,
        "application/json",
        "{\"start\": \"" + start + "\", \"mode\": \"VIDEO\"}");
  }

  /**
   * The first demo alumnus a search finds (its query string, {@code title=Policy+Analyst}): the
   * student's search, as the UI makes it, again until the search has the imported people.
   */
  private String alumnus(String student, String search) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      JsonNode items =
          call("GET", "/api/contacts/contacts?" + search, student, null, null).get("items");
      if (!items.isEmpty()) {
        return items.get(0).get("id").asString();
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the search finds no demo alumnus for " + search);
      }
      Thread.sleep(300);
    }
  }

  /** Plans an interview once interviews-service has the contact (it learns of it by an event). */
  private String plan(String student, String contactId, String field, String purpose)
      throws IOException, InterruptedException {
    return plan(student, contactId, field, purpose, null);
  }

  /** Plans an interview (following a referral, when one is named) once its contact is known. */
  private String plan(
      String student, String contactId, String field, String purpose, @Nullable String fromReferral)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (true) {
      HttpResponse<String> response =
          send(
              "POST",
              "/api/interviews/interviews",
              student,
              "application/json",
              "{\"contactId\": \""
                  + contactId
                  + "\", \"careerField\": \""
                  + field
                  + "\", \"purpose\": \""
                  + purpose
                  + (fromReferral == null ? "" : "\", \"fromReferral\": \"" + fromReferral)
                  + "\"}");
      if (response.statusCode() == 201) {
        return json.readTree(response.body()).get("id").asString();
      }
      if (response.statusCode() != 404 || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("planning a demo interview: " + response.body());
      }
      Thread.sleep(300);
    }
  }

  private static Instant nextWeekAt(int hour) {
    return ZonedDateTime.now(ZoneId.of("America/Chicago"))
        .plusDays(7)
        .withHour(hour)
        .truncatedTo(ChronoUnit.HOURS)
        .toInstant();
  }

  /** The alumni database export: the built-in profile's columns, the same every run. */
  static String alumniCsv() {
    Random random = new Random(2026);
    List<String> fields = List.copyOf(new java.util.TreeSet<>(WORK.keySet()));
    StringBuilder csv =
        new StringBuilder(
            "Alumni ID,First Name,Last Name,Email,Employer,Job Title,Career Fields,City,State,"
                + "Country,Time Zone,Class Year,Degree,Major,Mentor Opt-In,Contact Preference,"
                + "Max Requests Per Month\r\n");
    // The demo alumnus login's own record (linked by the address the provider vouches for): their
    // profile, their consent and the demo request to them.
    csv.append(
        "DEMO-ALEX,Alex,Alumnus,alex.alumnus@example.org,Litware,Product Manager,"
            + "INFORMATION_TECHNOLOGY,New York,NY,US,America/New_York,2012,BS,"
            + "Computer Science,Yes,VIA_PLATFORM,4\r\n");
    // One alumna registered twice (a second registration under a new id): the admin's duplicate
    // review has a pair to decide on the first run.
    csv.append(
        "DEMO-REG-1,Marisol,Vega,marisol.vega@alumni.example.org,Contoso Hospital,Nurse"
            + " Practitioner,HEALTH_SCIENCE,Chicago,IL,US,America/Chicago,2015,BS,Nursing,Yes,"
            + "VIA_PLATFORM,3\r\n");
    csv.append(
        "DEMO-REG-2,Marisol,Vega,mvega.rn@alumni.example.org,Contoso Hospital,Nurse"
            + " Practitioner,HEALTH_SCIENCE,Chicago,IL,US,America/Chicago,2015,BS,Nursing,Yes,"
            + "VIA_PLATFORM,3\r\n");
    for (int i = 3; i < ALUMNI; i++) {
      String given = GIVEN.get(random.nextInt(GIVEN.size()));
      String family = FAMILY.get(random.nextInt(FAMILY.size()));
      String field = fields.get(i % fields.size());
      String[] work = WORK.get(field).get(random.nextInt(WORK.get(field).size()));
      String[] place = PLACES.get(random.nextInt(PLACES.size()));
      String id = String.format("DEMO-%05d", i);
      csv.append(
              String.join(
                  ",",
                  id,
                  given,
                  quoted(family),
                  (given + "." + family + "." + i).toLowerCase().replaceAll("[^a-z0-9.]", "")
                      + "@alumni.example.org",
                  quoted(work[0]),
                  quoted(work[1]),
                  field,
                  place[0],
                  place[1],
                  place[2],
                  place[3],
                  String.valueOf(1990 + random.nextInt(34)),
                  random.nextBoolean() ? "BS" : "BA",
                  MAJORS.get(random.nextInt(MAJORS.size())),
                  "Yes",
                  "VIA_PLATFORM",
                  String.valueOf(2 + random.nextInt(4))))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  private JsonNode call(String method, String path, String token, String type, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(method, path, token, type, body);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body());
  }

  private HttpResponse<String> send(
      String method, String path, String token, String type, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + ports.gateway() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
