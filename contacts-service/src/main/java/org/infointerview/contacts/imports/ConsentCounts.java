package org.infointerview.contacts.imports;

/**
 * What the valid rows of a file say of consent, before anyone's own choice (which an import never
 * overrides, but for do not contact).
 *
 * @param optedIn rows that opt in
 * @param notOptedIn rows that say no, or nothing: new people among them are not opted in
 * @param doNotContact rows that say not to contact the person at all
 */
public record ConsentCounts(long optedIn, long notOptedIn, long doNotContact) {

  static final ConsentCounts NONE = new ConsentCounts(0, 0, 0);

  /** These counts and one more row that says this. */
  ConsentCounts and(RowMapper.ConsentCells said) {
    if (Boolean.TRUE.equals(said.doNotContact())) {
      return new ConsentCounts(optedIn, notOptedIn, doNotContact + 1);
    }
    if (Boolean.TRUE.equals(said.optedIn())) {
      return new ConsentCounts(optedIn + 1, notOptedIn, doNotContact);
    }
    return new ConsentCounts(optedIn, notOptedIn + 1, doNotContact);
  }

  ConsentCounts plus(ConsentCounts other) {
    return new ConsentCounts(
        optedIn + other.optedIn, notOptedIn + other.notOptedIn, doNotContact + other.doNotContact);
  }
}
