package org.infointerview.notifications.contact;

import java.time.Clock;
import java.time.Instant;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.support.problem.GoneException;
import org.infointerview.support.problem.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A person's unsubscribe through a mail's link: checked here (signature, expiry, not used before),
 * recorded in contacts-service (do not contact: the one place consent is kept), and every message
 * to them still waiting here dropped.
 */
@Service
class Unsubscribes {

  /** A link that was used, so a second use is refused; forgotten with the person. */
  @Document(UsedLink.COLLECTION)
  record UsedLink(@Id String tokenId, String contactId, Instant usedAt) {
    static final String COLLECTION = "unsubscribe_links";
  }

  private final UnsubscribeLinks links;
  private final ContactAddresses contacts;
  private final Deliveries deliveries;
  private final MongoTemplate mongo;
  private final Clock clock;

  Unsubscribes(
      UnsubscribeLinks links,
      ContactAddresses contacts,
      Deliveries deliveries,
      MongoTemplate mongo,
      Clock clock) {
    this.links = links;
    this.contacts = contacts;
    this.deliveries = deliveries;
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * The link's person, if the link may still be used: 404 for a token nobody issued, 410 for one
   * expired or used.
   */
  UnsubscribeLinks.Presented usable(String token) {
    UnsubscribeLinks.Presented presented =
        links
            .genuine(token)
            .orElseThrow(
                () -> new NotFoundException("No unsubscribe link answers at this address."));
    if (mongo.exists(Query.query(Criteria.where("_id").is(presented.tokenId())), UsedLink.class)) {
      throw new GoneException(
          "LINK_USED", "This link was used already: you will not be asked again through it.");
    }
    if (!presented.expiresAt().isAfter(clock.instant())) {
      throw new GoneException(
          "LINK_EXPIRED",
          "This link has expired. Reply to any request, or ask the career center, and you will not"
              + " be asked again.");
    }
    return presented;
  }

  /**
   * Records the unsubscribe; the link is used up.
   *
   * @throws ContactAddresses.Unavailable when contacts-service cannot record it now (nothing is
   *     changed; the link still works)
   */
  void unsubscribe(String token) throws ContactAddresses.Unavailable {
    UnsubscribeLinks.Presented presented = usable(token);
    if (!contacts.unsubscribe(presented.contactId())) {
      throw new GoneException(
          "PERSON_GONE", "This person is no longer in the platform: nothing will be sent to them.");
    }
    try {
      mongo.insert(new UsedLink(presented.tokenId(), presented.contactId(), clock.instant()));
    } catch (DuplicateKeyException twice) {
      // the same link, posted twice at once: one unsubscribe
    }
    deliveries.dropFor(presented.contactId(), "The person unsubscribed.");
  }

  /** The person was erased: their used links go too. */
  void forget(String contactId) {
    mongo.remove(Query.query(Criteria.where("contactId").is(contactId)), UsedLink.class);
  }
}
