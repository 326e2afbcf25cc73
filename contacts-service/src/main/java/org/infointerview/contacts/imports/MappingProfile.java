package org.infointerview.contacts.imports;

import java.time.Instant;
import java.util.List;
import org.infointerview.contacts.contact.ContactSource;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How the columns of one kind of file map to contact fields, saved per source ("alumni database
 * export", "LinkedIn connections").
 *
 * @param name the profile's name, used in {@code POST /imports?profile=}
 * @param source what the imported people are: ALUMNI_IMPORT or EMPLOYER_DIRECTORY for the
 *     institution's directory; PERSONAL for a student's own contacts (their LinkedIn connections,
 *     their address book), imported under {@code /me/imports} and seen by nobody else
 * @param columns header to target, in any order; headers compare ignoring case and spaces around
 * @param clearWhenEmpty targets whose empty cell erases an existing value (otherwise an empty cell
 *     never does)
 */
@Document("import_profiles")
public record MappingProfile(
    @Id String name,
    String description,
    ContactSource source,
    List<ColumnMapping> columns,
    List<String> clearWhenEmpty,
    Instant updatedAt,
    @Version @Nullable Long version) {

  /** One column: its header in the file and the field it fills. */
  public record ColumnMapping(String header, String target) {}

  /** Whether this profile brings in a student's own contacts. */
  public boolean personal() {
    return source == ContactSource.PERSONAL;
  }

  /** The profiles a new installation starts with. */
  static List<MappingProfile> builtIn(Instant now) {
    return List.of(
        new MappingProfile(
            "alumni-db-export",
            "The alumni database's CSV export: one row per graduate, keyed by alumni id.",
            ContactSource.ALUMNI_IMPORT,
            List.of(
                new ColumnMapping("Alumni ID", "externalAlumniId"),
                new ColumnMapping("First Name", "givenName"),
                new ColumnMapping("Last Name", "familyName"),
                new ColumnMapping("Preferred Name", "preferredName"),
                new ColumnMapping("Pronouns", "pronouns"),
                new ColumnMapping("Email", "email"),
                new ColumnMapping("Secondary Email", "email"),
                new ColumnMapping("Phone", "phone"),
                new ColumnMapping("LinkedIn", "linkedinUrl"),
                new ColumnMapping("Employer", "organizationName"),
                new ColumnMapping("Job Title", "jobTitle"),
                new ColumnMapping("Industry", "industry"),
                new ColumnMapping("Career Fields", "careerFields"),
                new ColumnMapping("City", "city"),
                new ColumnMapping("State", "region"),
                new ColumnMapping("Country", "country"),
                new ColumnMapping("Time Zone", "timeZone"),
                new ColumnMapping("Class Year", "graduationYear"),
                new ColumnMapping("Degree", "degree"),
                new ColumnMapping("Major", "major"),
                new ColumnMapping("College", "college"),
                new ColumnMapping("Mentor Opt-In", "optedIn"),
                new ColumnMapping("Contact Preference", "contactPreference"),
                new ColumnMapping("Max Requests Per Month", "maxRequestsPerMonth"),
                new ColumnMapping("Do Not Contact", "doNotContact"),
                new ColumnMapping("Notes", "notes"),
                // What other alumni databases call the same columns (the first filled one of a
                // row counts where a field takes one value)
                new ColumnMapping("Willing To Mentor", "optedIn"),
                new ColumnMapping("Willing To Volunteer", "optedIn"),
                new ColumnMapping("Opt In", "optedIn"),
                new ColumnMapping("Opt-In", "optedIn"),
                new ColumnMapping("Graduation Year", "graduationYear"),
                new ColumnMapping("Class Of", "graduationYear"),
                new ColumnMapping("Grad Year", "graduationYear"),
                new ColumnMapping("Company", "organizationName"),
                new ColumnMapping("Organization", "organizationName"),
                new ColumnMapping("Position", "jobTitle"),
                new ColumnMapping("Email Address", "email"),
                new ColumnMapping("Mobile", "phone"),
                new ColumnMapping("DNC", "doNotContact")),
            List.of(),
            now,
            null),
        new MappingProfile(
            "linkedin-connections",
            "LinkedIn's 'Connections.csv' export (the notes above its header are skipped): a"
                + " student's own connections.",
            ContactSource.PERSONAL,
            List.of(
                new ColumnMapping("First Name", "givenName"),
                new ColumnMapping("Last Name", "familyName"),
                new ColumnMapping("URL", "linkedinUrl"),
                new ColumnMapping("Email Address", "email"),
                new ColumnMapping("Company", "organizationName"),
                new ColumnMapping("Position", "jobTitle"),
                new ColumnMapping("Connected On", "ignore")),
            List.of(),
            now,
            null),
        new MappingProfile(
            "google-contacts",
            "Google Contacts' 'Google CSV' export (the current one and the older 'Given Name'"
                + " one): a student's own address book.",
            ContactSource.PERSONAL,
            List.of(
                new ColumnMapping("First Name", "givenName"),
                new ColumnMapping("Given Name", "givenName"),
                new ColumnMapping("Last Name", "familyName"),
                new ColumnMapping("Family Name", "familyName"),
                new ColumnMapping("Nickname", "preferredName"),
                new ColumnMapping("E-mail 1 - Value", "email"),
                new ColumnMapping("E-mail 2 - Value", "email"),
                new ColumnMapping("E-mail 3 - Value", "email"),
                new ColumnMapping("Phone 1 - Value", "phone"),
                new ColumnMapping("Phone 2 - Value", "phone"),
                new ColumnMapping("Phone 3 - Value", "phone"),
                new ColumnMapping("Organization Name", "organizationName"),
                new ColumnMapping("Organization 1 - Name", "organizationName"),
                new ColumnMapping("Organization Title", "jobTitle"),
                new ColumnMapping("Organization 1 - Title", "jobTitle"),
                new ColumnMapping("Address 1 - City", "city"),
                new ColumnMapping("Address 1 - Region", "region"),
                new ColumnMapping("Notes", "notes")),
            List.of(),
            now,
            null),
        new MappingProfile(
            "outlook-contacts",
            "Outlook's contacts export (CSV, as Outlook and Outlook.com write it): a student's own"
                + " address book.",
            ContactSource.PERSONAL,
            List.of(
                new ColumnMapping("First Name", "givenName"),
                new ColumnMapping("Last Name", "familyName"),
                new ColumnMapping("Nickname", "preferredName"),
                new ColumnMapping("E-mail Address", "email"),
                new ColumnMapping("E-mail 2 Address", "email"),
                new ColumnMapping("E-mail 3 Address", "email"),
                new ColumnMapping("Mobile Phone", "phone"),
                new ColumnMapping("Business Phone", "phone"),
                new ColumnMapping("Home Phone", "phone"),
                new ColumnMapping("Company", "organizationName"),
                new ColumnMapping("Job Title", "jobTitle"),
                new ColumnMapping("Business City", "city"),
                new ColumnMapping("Home City", "city"),
                new ColumnMapping("Business State", "region"),
                new ColumnMapping("Home State", "region"),
                new ColumnMapping("Notes", "notes"),
                // the person's title as in Mr. or Dr., not their job
                new ColumnMapping("Title", "ignore")),
            List.of(),
            now,
            null),
        new MappingProfile(
            "alumni-db-api",
            "The alumni database's REST API (used by /alumni-sync): JSON paths of each record.",
            ContactSource.ALUMNI_DIRECTORY,
            List.of(
                new ColumnMapping("id", "externalAlumniId"),
                new ColumnMapping("firstName", "givenName"),
                new ColumnMapping("lastName", "familyName"),
                new ColumnMapping("preferredName", "preferredName"),
                new ColumnMapping("pronouns", "pronouns"),
                new ColumnMapping("emails", "email"),
                new ColumnMapping("phones", "phone"),
                new ColumnMapping("linkedinUrl", "linkedinUrl"),
                new ColumnMapping("employment.organization", "organizationName"),
                new ColumnMapping("employment.title", "jobTitle"),
                new ColumnMapping("employment.industry", "industry"),
                new ColumnMapping("careerFields", "careerFields"),
                new ColumnMapping("address.city", "city"),
                new ColumnMapping("address.region", "region"),
                new ColumnMapping("address.country", "country"),
                new ColumnMapping("timeZone", "timeZone"),
                new ColumnMapping("education.classYear", "graduationYear"),
                new ColumnMapping("education.degree", "degree"),
                new ColumnMapping("education.major", "major"),
                new ColumnMapping("education.college", "college"),
                new ColumnMapping("mentoring.optIn", "optedIn"),
                new ColumnMapping("mentoring.contactPreference", "contactPreference"),
                new ColumnMapping("mentoring.maxRequestsPerMonth", "maxRequestsPerMonth"),
                new ColumnMapping("doNotContact", "doNotContact")),
            List.of(),
            now,
            null));
  }
}
