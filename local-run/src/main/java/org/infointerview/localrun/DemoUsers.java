package org.infointerview.localrun;

import java.util.List;
import java.util.Map;

/**
 * One demo person per role, and four more students (a cohort for the analytics); their logins are
 * printed when the local run is ready.
 */
final class DemoUsers {

  record DemoUser(
      String username, String password, String role, String name, String email, String timeZone) {}

  static final List<DemoUser> ALL =
      List.of(
          new DemoUser(
              "student",
              "student",
              "student",
              "Sam Student",
              "sam.student@example.edu",
              "America/Chicago"),
          new DemoUser(
              "alumnus",
              "alumnus",
              "alumnus",
              "Alex Alumnus",
              "alex.alumnus@example.org",
              "America/New_York"),
          new DemoUser(
              "advisor",
              "advisor",
              "advisor",
              "Ada Advisor",
              "ada.advisor@example.edu",
              "America/Chicago"),
          new DemoUser("admin", "admin", "admin", "Avery Admin", "avery.admin@example.edu", "UTC"),
          // more students, so the cohort analytics have a cohort to count on a first run
          new DemoUser(
              "priya",
              "priya",
              "student",
              "Priya Patel",
              "priya.patel@example.edu",
              "America/Denver"),
          new DemoUser(
              "diego",
              "diego",
              "student",
              "Diego Ruiz",
              "diego.ruiz@example.edu",
              "America/Chicago"),
          new DemoUser(
              "mei", "mei", "student", "Mei Chen", "mei.chen@example.edu", "America/New_York"),
          new DemoUser(
              "omar",
              "omar",
              "student",
              "Omar Haddad",
              "omar.haddad@example.edu",
              "Europe/Berlin"));

  /** What a university's provider would say of a demo student's studies. */
  record DemoStudies(int classYear, String major, String program) {}

  /** The demo students' studies, by username: cohort analytics filter by them on a first run. */
  static final Map<String, DemoStudies> STUDIES =
      Map.of(
          "student", new DemoStudies(2027, "Biology", "College of Arts and Sciences"),
          "priya", new DemoStudies(2027, "Computer Science", "College of Engineering"),
          "diego", new DemoStudies(2026, "Economics", "School of Business"),
          "mei", new DemoStudies(2027, "Biology", "College of Arts and Sciences"),
          "omar", new DemoStudies(2028, "Mechanical Engineering", "College of Engineering"));

  private DemoUsers() {}

  static DemoUser named(String username) {
    return ALL.stream()
        .filter(u -> u.username().equals(username))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo user " + username));
  }
}
