package org.infointerview.contacts.referral;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactDetails;
import org.infointerview.contacts.contact.ContactDraft;
import org.infointerview.contacts.contact.ContactDraftBuilder;
import org.infointerview.contacts.contact.ContactRules;
import org.infointerview.contacts.contact.Provenance;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.EventReader;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.ProcessedEvents;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.support.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Turns {@code ReferralCaptured} into the student's contact: links one they already have with that
 * address, or adds a REFERRAL contact (its id derived from the referral's, so a replay adds
 * nothing), noting who referred them. Fields that break a contact rule (a malformed address) are
 * left out rather than losing the referral.
 */
@Component
class ReferralListener {

  static final String CONSUMER = "contacts-service.referrals";
  private static final Logger log = LoggerFactory.getLogger(ReferralListener.class);

  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final ContactRules rules;
  private final Clock clock;

  ReferralListener(
      ProcessedEvents processedEvents,
      EventReader reader,
      MongoTemplate mongo,
      AggregateStore store,
      ContactRules rules,
      Clock clock) {
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.mongo = mongo;
    this.store = store;
    this.rules = rules;
    this.clock = clock;
  }

  @KafkaListener(topics = Topics.INTERVIEWS, groupId = "${spring.application.name}")
  void on(IncomingEvent event) {
    if (!event.is(EventType.REFERRAL_CAPTURED)) {
      return;
    }
    processedEvents.once(CONSUMER, event, () -> apply(reader.data(event, Referral.class)));
  }

  private void apply(Referral referral) {
    Instant now = clock.instant();
    Contact existing =
        referral.email() == null
            ? null
            : mongo.findOne(
                Query.query(
                    Criteria.where("ownerId")
                        .is(referral.studentId())
                        .and("emailKeys")
                        .is(referral.email().strip().toLowerCase(Locale.ROOT))
                        .and("status")
                        .is("ACTIVE")),
                Contact.class);
    if (existing != null) {
      store.update(existing.referredBy(referral.referredByContactId(), now));
      return;
    }
    ContactDetails details = details(referral);
    String id =
        "ref-" + UUID.nameUUIDFromBytes(referral.referralId().getBytes(StandardCharsets.UTF_8));
    Changed<Contact> added =
        Contact.referral(
            id,
            referral.studentId(),
            details,
            referral.referredByContactId(),
            new Provenance("REFERRAL", referral.interviewId(), null, now, details.fieldsSet()));
    try {
      store.insert(added);
    } catch (DuplicateKeyException replayed) {
      log.debug("Referral {} was already added", referral.referralId());
    }
  }

  /** The referral's fields as contact details, leaving out any that break a rule. */
  private ContactDetails details(Referral referral) {
    String name = referral.name() == null ? "" : referral.name().strip();
    int space = name.lastIndexOf(' ');
    String given = space < 0 ? name : name.substring(0, space);
    String family = space < 0 ? "" : name.substring(space + 1);
    List<String> emails = referral.email() == null ? List.of() : List.of(referral.email());
    ContactDraft draft =
        draft(
            given,
            family.isEmpty() ? "-" : family,
            emails,
            referral.organizationName(),
            referral.jobTitle());
    ContactRules.Checked checked = rules.check(draft);
    if (!checked.valid()) {
      List<String> broken = new ArrayList<>();
      for (FieldError error : checked.errors()) {
        broken.add(error.field());
      }
      log.info("Referral {}: leaving out {}", referral.referralId(), broken);
      checked =
          rules.check(
              draft(
                  broken.contains("givenName") ? "Referral" : given,
                  broken.contains("familyName") || family.isEmpty() ? "-" : family,
                  broken.stream().anyMatch(f -> f.startsWith("emails")) ? List.of() : emails,
                  broken.contains("organizationName") ? null : referral.organizationName(),
                  broken.contains("jobTitle") ? null : referral.jobTitle()));
    }
    ContactDetails details = checked.details();
    // a one-word name was checked with a stand-in family name, which is not kept
    return family.isEmpty() ? details.withFamilyName("") : details;
  }

  private static ContactDraft draft(
      String given,
      String family,
      List<String> emails,
      @Nullable String organization,
      @Nullable String title) {
    return ContactDraftBuilder.builder()
        .givenName(given)
        .familyName(family)
        .emails(emails)
        .organizationName(organization)
        .jobTitle(title)
        .build();
  }
}
