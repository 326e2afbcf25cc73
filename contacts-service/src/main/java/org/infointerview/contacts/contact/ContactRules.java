package org.infointerview.contacts.contact;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.infointerview.contacts.careerfield.CareerFieldCatalog;
import org.infointerview.contacts.careerfield.CareerFieldCatalog.Kind;
import org.infointerview.support.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The rules every contact's fields obey, wherever they come from (the API, a CSV file, the alumni
 * database): required names, valid addresses, phone numbers normalized to E.164 with
 * libphonenumber, taxonomy codes, IANA time zones, ISO countries, plausible graduation years. It
 * names every broken rule at once, by field.
 */
@Component
public class ContactRules {

  static final int MAX_NAME = 100;
  static final int MAX_TEXT = 200;
  static final int MAX_EMAILS = 10;
  static final int MAX_PHONES = 5;
  static final int MAX_TAGS = 20;
  static final int MAX_CAREER_FIELDS = 20;
  static final int MAX_NOTES = 4000;

  /** The WHATWG definition of a valid email address, with a dot required in the domain. */
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd} _.-]{0,39}");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

  private final Supplier<CareerFieldCatalog.Snapshot> careerFields;
  private final ContactsProperties properties;
  private final Clock clock;
  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

  @Autowired
  ContactRules(CareerFieldCatalog catalog, ContactsProperties properties, Clock clock) {
    this(catalog::snapshot, properties, clock);
  }

  ContactRules(
      Supplier<CareerFieldCatalog.Snapshot> careerFields,
      ContactsProperties properties,
      Clock clock) {
    this.careerFields = careerFields;
    this.properties = properties;
    this.clock = clock;
  }

  /** The outcome: details when every rule holds, otherwise every broken rule by field. */
  public record Checked(@Nullable ContactDetails details, List<FieldError> errors) {

    public boolean valid() {
      return errors.isEmpty();
    }
  }

  public Checked check(ContactDraft draft) {
    return check(draft, careerFields.get());
  }

  /** Checks against a taxonomy read once, as an import does for all its rows. */
  public Checked check(ContactDraft draft, CareerFieldCatalog.Snapshot taxonomy) {
    List<FieldError> errors = new ArrayList<>();
    String givenName = text(errors, "givenName", draft.givenName(), MAX_NAME, true);
    String familyName = text(errors, "familyName", draft.familyName(), MAX_NAME, true);
    String preferredName = text(errors, "preferredName", draft.preferredName(), MAX_NAME, false);
    String pronouns = text(errors, "pronouns", draft.pronouns(), 40, false);
    List<String> emails = emails(errors, draft.emails());
    List<String> phoneNumbers = phones(errors, draft.phones());
    String linkedin = linkedin(errors, draft.linkedinUrl());
    String organization =
        text(errors, "organizationName", draft.organizationName(), MAX_TEXT, false);
    String jobTitle = text(errors, "jobTitle", draft.jobTitle(), MAX_TEXT, false);
    String industry = null;
    String industryText = text(errors, "industry", draft.industry(), MAX_TEXT, false);
    if (industryText != null) {
      industry = taxonomy.code(industryText, Kind.INDUSTRY);
      if (industry == null) {
        errors.add(new FieldError("industry", "is not an industry of the taxonomy"));
      }
    }
    List<String> fields = careerFieldCodes(errors, draft.careerFields(), taxonomy);
    String city = text(errors, "city", draft.city(), MAX_NAME, false);
    String region = text(errors, "region", draft.region(), MAX_NAME, false);
    String country = country(errors, draft.country());
    String timeZone = timeZone(errors, draft.timeZone());
    AlumniFacts alumni =
        new AlumniFacts(
            text(errors, "externalAlumniId", draft.externalAlumniId(), 64, false),
            graduationYear(errors, draft.graduationYear()),
            text(errors, "degree", draft.degree(), MAX_NAME, false),
            text(errors, "major", draft.major(), MAX_NAME, false),
            text(errors, "college", draft.college(), MAX_NAME, false));
    List<String> tags = tags(errors, draft.tags());
    String notes = notes(errors, draft.notes());
    if (!errors.isEmpty()) {
      return new Checked(null, errors);
    }
    return new Checked(
        ContactDetailsBuilder.builder()
            .givenName(givenName)
            .familyName(familyName)
            .preferredName(preferredName)
            .pronouns(pronouns)
            .emails(emails)
            .phones(phoneNumbers)
            .linkedinUrl(linkedin)
            .organizationName(organization)
            .jobTitle(jobTitle)
            .industry(industry)
            .careerFields(fields)
            .city(city)
            .region(region)
            .country(country)
            .timeZone(timeZone)
            .alumni(alumni.isEmpty() ? null : alumni)
            .tags(tags)
            .notes(notes)
            .build(),
        List.of());
  }

  /**
   * A text field stripped, or null when empty; a broken rule (blank when required, too long,
   * control characters) is added to {@code errors} under {@code field}.
   */
  public static @Nullable String text(
      List<FieldError> errors, String field, @Nullable String value, int max, boolean required) {
    String stripped = value == null ? "" : value.strip();
    if (stripped.isEmpty()) {
      if (required) {
        errors.add(new FieldError(field, "must not be blank"));
      }
      return null;
    }
    if (stripped.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
      return null;
    }
    if (hasControl(stripped)) {
      errors.add(new FieldError(field, "must not contain control characters"));
      return null;
    }
    return stripped;
  }

  /**
   * Whether a text holds a control or format character other than a tab (what {@code
   * [\p{Cc}\p{Cf}&&[^\t]]} finds), read without a pattern: printable ASCII, nearly every character
   * of an import, is passed at a glance.
   */
  static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7F || c == '\t') {
        i++;
        continue;
      }
      int point = text.codePointAt(i);
      int type = Character.getType(point);
      if (type == Character.CONTROL || type == Character.FORMAT) {
        return true;
      }
      i += Character.charCount(point);
    }
    return false;
  }

  private static List<String> emails(List<FieldError> errors, List<String> values) {
    List<String> present = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (present.size() > MAX_EMAILS) {
      errors.add(new FieldError("emails", "must be at most " + MAX_EMAILS + " addresses"));
      return List.of();
    }
    Set<String> emails = new LinkedHashSet<>();
    for (int i = 0; i < present.size(); i++) {
      String email = present.get(i);
      if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
        errors.add(new FieldError("emails[" + i + "]", "is not an email address"));
        continue;
      }
      int at = email.lastIndexOf('@');
      emails.add(email.substring(0, at) + email.substring(at).toLowerCase(Locale.ROOT));
    }
    return List.copyOf(emails);
  }

  private List<String> phones(List<FieldError> errors, List<String> values) {
    List<String> present = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    // counted once written alike: an import's "+1 312-555-0101" beside the stored +13125550101 is
    // one number (and a cell of hundreds is refused before any is parsed)
    if (present.size() > 2 * MAX_PHONES) {
      errors.add(new FieldError("phones", "must be at most " + MAX_PHONES + " numbers"));
      return List.of();
    }
    Set<String> numbers = new LinkedHashSet<>();
    for (int i = 0; i < present.size(); i++) {
      String value = present.get(i);
      try {
        if (value.length() > 40) {
          throw new NumberParseException(NumberParseException.ErrorType.TOO_LONG, "too long");
        }
        PhoneNumber number = phones.parse(value, properties.defaultPhoneRegion());
        // Valid in the home region first: most numbers in an alumni file are local, and the full
        // check tries each region of the country code (25 for +1), then checks the one it found.
        if (!phones.isValidNumberForRegion(number, properties.defaultPhoneRegion())
            && !phones.isValidNumber(number)) {
          throw new NumberParseException(NumberParseException.ErrorType.NOT_A_NUMBER, "invalid");
        }
        numbers.add(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
      } catch (NumberParseException e) {
        errors.add(
            new FieldError(
                "phones[" + i + "]",
                "is not a phone number (use +country code, or a "
                    + properties.defaultPhoneRegion()
                    + " number)"));
      }
    }
    if (numbers.size() > MAX_PHONES) {
      errors.add(new FieldError("phones", "must be at most " + MAX_PHONES + " numbers"));
      return List.of();
    }
    return List.copyOf(numbers);
  }

  /**
   * Notes: lines kept (written with {@code \n}), tabs too; other control characters refused, as in
   * every text; blank lines at either end dropped.
   */
  private static @Nullable String notes(List<FieldError> errors, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (text.length() > MAX_NOTES) {
      errors.add(new FieldError("notes", "must be at most " + MAX_NOTES + " characters"));
      return null;
    }
    if (hasControl(text.replace("\n", ""))) {
      errors.add(new FieldError("notes", "must not contain control characters"));
      return null;
    }
    return text;
  }

  private static @Nullable String linkedin(List<FieldError> errors, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String url = value.strip();
    if (!url.contains("://")) {
      url = "https://" + url;
    }
    try {
      URI uri = new URI(url);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      boolean linkedinHost = host.equals("linkedin.com") || host.endsWith(".linkedin.com");
      boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equals(uri.getScheme());
      if (!linkedinHost || !web || url.length() > 300 || uri.getUserInfo() != null) {
        errors.add(new FieldError("linkedinUrl", "must be a linkedin.com profile address"));
        return null;
      }
      return new URI("https", null, host, -1, uri.getPath(), null, null).toString();
    } catch (URISyntaxException e) {
      errors.add(new FieldError("linkedinUrl", "must be a linkedin.com profile address"));
      return null;
    }
  }

  private static List<String> careerFieldCodes(
      List<FieldError> errors, List<String> values, CareerFieldCatalog.Snapshot taxonomy) {
    List<String> present = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (present.size() > MAX_CAREER_FIELDS) {
      errors.add(new FieldError("careerFields", "must be at most " + MAX_CAREER_FIELDS));
      return List.of();
    }
    Set<String> codes = new LinkedHashSet<>();
    for (int i = 0; i < present.size(); i++) {
      String code = taxonomy.code(present.get(i), null);
      if (code == null) {
        errors.add(
            new FieldError(
                "careerFields[" + i + "]",
                "is not a career field of the taxonomy (see /career-fields)"));
      } else {
        codes.add(code);
      }
    }
    return List.copyOf(codes);
  }

  /** An ISO 3166 two-letter code in capitals, or null when empty (a wrong one is an error). */
  public static @Nullable String country(List<FieldError> errors, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String code = value.strip().toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(code)) {
      errors.add(new FieldError("country", "must be an ISO 3166 two-letter country code"));
      return null;
    }
    return code;
  }

  private static @Nullable String timeZone(List<FieldError> errors, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String zone = value.strip();
    if (!ZONES.contains(zone)) {
      errors.add(new FieldError("timeZone", "is not an IANA time zone such as Europe/Paris"));
      return null;
    }
    return zone;
  }

  private @Nullable Integer graduationYear(List<FieldError> errors, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    int latest = Year.now(clock).getValue() + 8;
    try {
      int year = Integer.parseInt(value.strip());
      if (year >= 1900 && year <= latest) {
        return year;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(new FieldError("graduationYear", "must be a year from 1900 to " + latest));
    return null;
  }

  private static List<String> tags(List<FieldError> errors, List<String> values) {
    List<String> present = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    if (present.size() > MAX_TAGS) {
      errors.add(new FieldError("tags", "must be at most " + MAX_TAGS));
      return List.of();
    }
    Set<String> tags = new LinkedHashSet<>();
    for (int i = 0; i < present.size(); i++) {
      String tag = present.get(i).toLowerCase(Locale.ROOT);
      if (!TAG.matcher(tag).matches()) {
        errors.add(
            new FieldError("tags[" + i + "]", "must be up to 40 letters, digits, spaces, _ . -"));
      } else {
        tags.add(tag);
      }
    }
    return List.copyOf(tags);
  }
}
