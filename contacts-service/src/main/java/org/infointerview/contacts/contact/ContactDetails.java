package org.infointerview.contacts.contact;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The descriptive fields of a contact, already validated and normalized by {@link ContactRules}:
 * the first email is the primary one, phones are E.164, codes are from the taxonomy.
 *
 * @param country ISO 3166-1 alpha-2 code
 * @param timeZone IANA zone id
 * @param industry an INDUSTRY code from the taxonomy
 * @param careerFields codes from the taxonomy
 * @param alumni what the alumni database knows; null for people who are not alumni
 * @param notes free text, several lines: on a student's own contact their own notes ("met at the
 *     spring career fair, prefers email"), seen by them alone; on an institution contact staff's
 *     notes, never shown to students or to the person
 */
@RecordBuilder
@RecordBuilder.Options(useImmutableCollections = true)
public record ContactDetails(
    String givenName,
    String familyName,
    @Nullable String preferredName,
    @Nullable String pronouns,
    List<String> emails,
    List<String> phones,
    @Nullable String linkedinUrl,
    @Nullable String organizationName,
    @Nullable String jobTitle,
    @Nullable String industry,
    List<String> careerFields,
    @Nullable String city,
    @Nullable String region,
    @Nullable String country,
    @Nullable String timeZone,
    @Nullable AlumniFacts alumni,
    List<String> tags,
    @Nullable String notes)
    implements ContactDetailsBuilder.With {

  public ContactDetails {
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
    careerFields = List.copyOf(careerFields);
    tags = List.copyOf(tags);
  }

  /** The preferred name if given, otherwise the given name, with the family name. */
  public String displayName() {
    String first = preferredName != null && !preferredName.isBlank() ? preferredName : givenName;
    return (first + " " + familyName).strip();
  }

  /** The names of the fields that hold a value. */
  public List<String> fieldsSet() {
    return FIELDS.stream().filter(f -> !isEmpty(f.get().apply(this))).map(Field::name).toList();
  }

  /** The names of the fields whose values differ in another version of these details. */
  public List<String> fieldsChangedTo(ContactDetails other) {
    return FIELDS.stream()
        .filter(f -> !Objects.equals(f.get().apply(this), f.get().apply(other)))
        .map(Field::name)
        .toList();
  }

  private static boolean isEmpty(@Nullable Object value) {
    return value == null
        || value instanceof List<?> list && list.isEmpty()
        || value instanceof AlumniFacts facts && facts.isEmpty();
  }

  private record Field(String name, Function<ContactDetails, @Nullable Object> get) {}

  private static final List<Field> FIELDS =
      List.of(
          new Field("givenName", ContactDetails::givenName),
          new Field("familyName", ContactDetails::familyName),
          new Field("preferredName", ContactDetails::preferredName),
          new Field("pronouns", ContactDetails::pronouns),
          new Field("emails", ContactDetails::emails),
          new Field("phones", ContactDetails::phones),
          new Field("linkedinUrl", ContactDetails::linkedinUrl),
          new Field("organizationName", ContactDetails::organizationName),
          new Field("jobTitle", ContactDetails::jobTitle),
          new Field("industry", ContactDetails::industry),
          new Field("careerFields", ContactDetails::careerFields),
          new Field("city", ContactDetails::city),
          new Field("region", ContactDetails::region),
          new Field("country", ContactDetails::country),
          new Field("timeZone", ContactDetails::timeZone),
          new Field("alumni", ContactDetails::alumni),
          new Field("tags", ContactDetails::tags),
          new Field("notes", ContactDetails::notes));

  /** The alumni database's id of this person, if any. */
  public @Nullable String externalAlumniId() {
    return alumni == null ? null : alumni.externalId();
  }
}
