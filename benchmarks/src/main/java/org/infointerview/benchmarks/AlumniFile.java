package org.infointerview.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** A generated alumni database export (the built-in profile's columns), the same for a seed. */
final class AlumniFile {

  static final List<String> GIVEN =
      List.of(
          "Priya",
          "José",
          "Ada",
          "Alan",
          "Grace",
          "Katherine",
          "Tomás",
          "Zoë",
          "Lena",
          "Omar",
          "Mei",
          "Kwame",
          "Sofia",
          "Liam",
          "Aisha",
          "Noah",
          "Yuki",
          "Ines",
          "Ravi",
          "Chloe");
  static final List<String> FAMILY =
      List.of(
          "Raman",
          "Núñez",
          "Lovelace",
          "Turing",
          "Hopper",
          "Johnson",
          "Okafor",
          "Ørsted",
          "Schmidt",
          "Haddad",
          "Chen",
          "Mensah",
          "Rossi",
          "Murphy",
          "Khan",
          "Smith",
          "Tanaka",
          "García",
          "Patel",
          "Dubois");
  static final List<String> EMPLOYERS =
      List.of(
          "Northwind Health",
          "Contoso Clinics",
          "Fabrikam Energy",
          "Tailspin Toys",
          "Adventure Works",
          "Woodgrove Bank",
          "Litware Labs",
          "Proseware",
          "Wingtip Analytics",
          "Lucerne Publishing");
  static final List<String> TITLES =
      List.of(
          "Data Scientist",
          "Software Engineer",
          "Nurse Practitioner",
          "Product Manager",
          "Financial Analyst",
          "Policy Advisor",
          "Research Scientist",
          "UX Designer",
          "Marketing Lead",
          "Civil Engineer");
  static final List<String> MAJORS =
      List.of(
          "Statistics",
          "Computer Science",
          "Nursing",
          "Economics",
          "Physics",
          "History",
          "Biology",
          "Mechanical Engineering",
          "English",
          "Political Science");
  static final List<String> FIELDS =
      List.of(
          "STEM",
          "Health Science",
          "Finance",
          "Information Technology",
          "Marketing",
          "Government & Public Administration");

  private AlumniFile() {}

  /** The alumni id of row {@code i} (from 0) of every generated file. */
  static String alumniId(int i) {
    return "A" + (1_000_000 + i);
  }

  static Path write(Path file, int rows, long seed) throws IOException {
    return write(file, 0, rows, seed);
  }

  /** Rows {@code first} to {@code first + rows - 1}: other people than those of other ranges. */
  static Path write(Path file, int first, int rows, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "Alumni ID,First Name,Last Name,Email,Phone,Employer,Job Title,Career Fields,City,State,"
              + "Country,Time Zone,Class Year,Degree,Major,Mentor Opt-In,Contact Preference\n");
      for (int i = first; i < first + rows; i++) {
        String given = pick(random, GIVEN);
        String family = pick(random, FAMILY);
        out.write(alumniId(i));
        out.write(',');
        out.write(given);
        out.write(',');
        out.write(family);
        out.write(",alum");
        out.write(Integer.toString(i));
        out.write("@example.org,");
        out.write("+1312555" + String.format("%04d", i % 10_000));
        out.write(",\"");
        out.write(pick(random, EMPLOYERS));
        out.write("\",");
        out.write(pick(random, TITLES));
        out.write(",\"");
        out.write(pick(random, FIELDS));
        out.write("\",Chicago,IL,US,America/Chicago,");
        out.write(Integer.toString(1970 + random.nextInt(56)));
        out.write(",BS,");
        out.write(pick(random, MAJORS));
        out.write(random.nextInt(3) == 0 ? ",No," : ",Yes,");
        out.write(random.nextBoolean() ? "SHOW_EMAIL" : "VIA_PLATFORM");
        out.write('\n');
      }
    }
    return file;
  }

  private static String pick(SplittableRandom random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
