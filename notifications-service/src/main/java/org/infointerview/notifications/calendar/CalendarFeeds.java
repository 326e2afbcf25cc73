package org.infointerview.notifications.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.infointerview.notifications.contact.ContactAddresses;
import org.infointerview.notifications.preference.Preferences;
import org.infointerview.notifications.recipient.Recipient;
import org.infointerview.notifications.recipient.Recipients;
import org.infointerview.support.problem.GoneException;
import org.infointerview.support.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Each person's private calendar feed (their interviews as a student, and as the person a student
 * talks with when their account is linked to their record in contacts-service): a secret address
 * (256 random bits) that calendar apps subscribe to without signing in, one at a time per person,
 * revocable. Only the token's SHA-256 is stored, so the store alone cannot open anyone's feed; a
 * revoked token answers 410, one never issued 404.
 */
@Service
public class CalendarFeeds {

  static final String COLLECTION = "calendar_feeds";
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(CalendarFeeds.class);

  /** A feed as its owner sees it. */
  public record Feed(String url, Instant createdAt) {}

  private final MongoTemplate mongo;
  private final CalendarEntries entries;
  private final Invites invites;
  private final Recipients recipients;
  private final Preferences preferences;
  private final ContactAddresses contacts;
  private final Clock clock;
  private final String publicUrl;
  private final String fromAddress;

  CalendarFeeds(
      MongoTemplate mongo,
      CalendarEntries entries,
      Invites invites,
      Recipients recipients,
      Preferences preferences,
      ContactAddresses contacts,
      Clock clock,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl,
      @Value("${infointerview.delivery.from-address:no-reply@infointerview.local}")
          String fromAddress) {
    this.mongo = mongo;
    this.entries = entries;
    this.invites = invites;
    this.recipients = recipients;
    this.preferences = preferences;
    this.contacts = contacts;
    this.clock = clock;
    this.publicUrl = publicUrl;
    this.fromAddress = fromAddress;
  }

  /** A new feed address for the person; the one before stops working (410). */
  public Feed create(String userId) {
    revoke(userId);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant now = clock.instant();
    mongo.insert(
        new Document("_id", hash(token))
            .append("userId", userId)
            .append("createdAt", now)
            .append("revokedAt", null),
        COLLECTION);
    return new Feed(url(token), now);
  }

  /**
   * The person's feed, when they have one. Its address is not kept (only its hash), so it is shown
   * when created; here, that one exists and since when.
   */
  Optional<Instant> activeSince(String userId) {
    Document active =
        mongo.findOne(
            Query.query(Criteria.where("userId").is(userId).and("revokedAt").isNull()),
            Document.class,
            COLLECTION);
    return Optional.ofNullable(active).map(d -> d.getDate("createdAt").toInstant());
  }

  /** The person's feed stops working; true when there was one. */
  boolean revoke(String userId) {
    return mongo
            .updateMulti(
                Query.query(Criteria.where("userId").is(userId).and("revokedAt").isNull()),
                new Update().set("revokedAt", clock.instant()),
                COLLECTION)
            .getModifiedCount()
        > 0;
  }

  /** An erased person's feeds, and the times of their interviews that fed them: gone. */
  void erase(String userId) {
    mongo.remove(Query.query(Criteria.where("userId").is(userId)), COLLECTION);
    mongo.remove(Query.query(Criteria.where("studentId").is(userId)), CalendarEntries.COLLECTION);
  }

  /** The feed behind this token, as iCalendar: 404 never issued, 410 revoked. */
  String calendar(String token) {
    if (!TOKEN.matcher(token).matches()) {
      throw new NotFoundException("No calendar feed answers at this address.");
    }
    Document feed = mongo.findById(hash(token), Document.class, COLLECTION);
    if (feed == null) {
      throw new NotFoundException("No calendar feed answers at this address.");
    }
    if (feed.get("revokedAt") != null) {
      throw new GoneException(
          "FEED_REVOKED",
          "This calendar feed was turned off; its owner can make a new one in their settings.");
    }
    String userId = feed.getString("userId");
    Recipient person = recipients.find(userId).orElse(null);
    Preferences.ForMail reads =
        preferences.forMail(userId, person == null ? java.time.ZoneOffset.UTC : person.zone());
    List<String> theirRecords = List.of();
    try {
      theirRecords = contacts.linkedTo(userId);
    } catch (ContactAddresses.Unavailable e) {
      log.warn("Calendar feed without the times as a contact: {}", e.getMessage());
    }
    List<CalendarEntries.Entry> agreed = entries.of(userId, theirRecords);
    List<Invites.Meeting> meetings =
        agreed.stream()
            .map(
                e ->
                    new Invites.Meeting(
                        e.id(),
                        "Informational interview with " + otherName(e, userId),
                        e.start(),
                        e.durationMinutes(),
                        reads.zone().getId(),
                        e.where(),
                        null,
                        e.sequence(),
                        fromAddress,
                        person == null || person.email() == null ? fromAddress : person.email()))
            .toList();
    Set<String> cancelled =
        agreed.stream()
            .filter(CalendarEntries.Entry::cancelled)
            .map(CalendarEntries.Entry::id)
            .collect(Collectors.toSet());
    return invites.feed("InfoInterview", reads.zone().getId(), meetings, cancelled);
  }

  /** Who the person talks with: the contact for the student, the student for the contact. */
  private String otherName(CalendarEntries.Entry entry, String userId) {
    if (entry.studentId().equals(userId)) {
      return entry.contactDisplayName();
    }
    return recipients.studentName(entry.studentId());
  }

  private String url(String token) {
    return publicUrl + "/api/notifications/calendar/" + token + ".ics";
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
