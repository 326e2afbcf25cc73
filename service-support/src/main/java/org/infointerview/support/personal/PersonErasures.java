package org.infointerview.support.personal;

import java.time.Instant;
import java.util.List;
import org.infointerview.support.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's erasure in this service: every feature removes what it holds about them, the audit
 * entries about them or by them name the erasure's reference instead of the person, the audit
 * records the erasure itself (by its reference only), and the fact is kept ({@link ErasedPeople})
 * last, so an erasure that fails part way is done again whole.
 */
public class PersonErasures {

  private static final Logger log = LoggerFactory.getLogger(PersonErasures.class);

  private final List<PersonalData> parts;
  private final ErasedPeople erased;
  private final AuditLog audit;

  PersonErasures(List<PersonalData> parts, ErasedPeople erased, AuditLog audit) {
    this.parts = parts;
    this.erased = erased;
    this.audit = audit;
  }

  /**
   * Erases the person as of this profile version, unless this service erased them already at it or
   * later (a redelivered erasure).
   */
  public void erase(String personId, long version, String reference, Instant erasedAt) {
    if (erased.covers(personId, version)) {
      return;
    }
    for (PersonalData part : parts) {
      part.erase(personId);
    }
    String replacement = "erased:" + reference;
    audit.anonymize(personId, replacement);
    audit.recordBySystem("PERSON_ERASED", "Person", replacement, "erased on request");
    erased.record(personId, version, reference, erasedAt);
    log.info("Erased a person ({}): {} parts", reference, parts.size());
  }
}
