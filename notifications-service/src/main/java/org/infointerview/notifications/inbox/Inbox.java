package org.infointerview.notifications.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.infointerview.support.problem.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each person's inbox. Their entries' ids stand in a document keyed by the person ({@value
 * #INDEX}), newest last, and entries are read by {@code _id} from it (embedded-store workaround: it
 * has no index for a query by person). An entry is added once, however often.
 */
@Component
public class Inbox {

  static final String INDEX = "inbox_index";

  /**
   * The most entries a person's inbox lists and counts: the newest (ten pages of 20). The index of
   * them is one document, written whole on every message: short keeps each write cheap.
   */
  static final int NEWEST = 200;

  private final MongoTemplate mongo;
  private final Clock clock;

  Inbox(MongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * Puts the message in the person's inbox, once. The entry first, then its place in the person's
   * index (with the index's {@code rev} moved on, which live streams watch): a reader never finds
   * an id without its entry. The index keeps the newest {@value #NEWEST} ids only: it is one
   * document, written whole on every change, and grew with every message a person ever had (each
   * message of a busy inbox cost more than the one before). Older entries stay stored, unlisted.
   */
  public void add(String id, String userId, String kind, String title, String body) {
    mongo.upsert(
        Query.query(Criteria.where("_id").is(id)),
        new Update()
            .setOnInsert("userId", userId)
            .setOnInsert("kind", kind)
            .setOnInsert("title", title)
            .setOnInsert("body", body)
            .setOnInsert("createdAt", clock.instant()),
        InboxEntry.COLLECTION);
    Update placed = new Update().inc("rev", 1);
    placed.push("ids").slice(-NEWEST).each(id);
    try {
      // only where the id is not yet: a second add (a retried message) matches nothing, and its
      // upsert's insert finds the person's index there
      mongo.upsert(Query.query(Criteria.where("_id").is(userId).and("ids").ne(id)), placed, INDEX);
    } catch (DuplicateKeyException alreadyThere) {
      // the id is in the index already
    }
  }

  /** Each of these people's inbox revision: it moves on with every entry added or read. */
  Map<String, Long> revisions(Collection<String> userIds) {
    Map<String, Long> revisions = new HashMap<>();
    Query query = Query.query(Criteria.where("_id").in(userIds));
    query.fields().include("rev");
    for (Document index : mongo.find(query, Document.class, INDEX)) {
      Number rev = index.get("rev", Number.class);
      revisions.put(index.getString("_id"), rev == null ? 0L : rev.longValue());
    }
    return revisions;
  }

  /** The person's newest entry, if any. */
  Optional<InboxEntry> newestEntry(String userId) {
    return newest(userId).stream().findFirst();
  }

  private void changed(String userId) {
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(userId)), new Update().inc("rev", 1), INDEX);
  }

  /** A page of the person's entries, newest first. */
  List<InboxEntry> page(String userId, int page, int size) {
    return newest(userId).stream().skip((long) page * size).limit(size).toList();
  }

  long unread(String userId) {
    return newest(userId).stream().filter(e -> e.readAt() == null).count();
  }

  /** Marks one of the person's entries read; 404 for anyone else's. */
  InboxEntry read(String userId, String id) {
    InboxEntry entry = mongo.findById(id, InboxEntry.class);
    if (entry == null || !entry.userId().equals(userId)) {
      throw new NotFoundException("Inbox entry", id);
    }
    if (entry.readAt() == null) {
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(id)),
          new Update().set("readAt", clock.instant()),
          InboxEntry.COLLECTION);
      changed(userId);
    }
    return mongo.findById(id, InboxEntry.class);
  }

  /** Marks every unread entry of the person read; how many there were. */
  long readAll(String userId) {
    Instant now = clock.instant();
    List<String> unread =
        newest(userId).stream().filter(e -> e.readAt() == null).map(InboxEntry::id).toList();
    if (!unread.isEmpty()) {
      mongo.updateMulti(
          Query.query(Criteria.where("_id").in(unread)),
          new Update().set("readAt", now),
          InboxEntry.COLLECTION);
      changed(userId);
    }
    return unread.size();
  }

  private List<InboxEntry> newest(String userId) {
    Document index = mongo.findById(userId, Document.class, INDEX);
    List<String> ids = index == null ? List.of() : index.getList("ids", String.class, List.of());
    List<String> latest = ids.subList(Math.max(0, ids.size() - NEWEST), ids.size());
    return mongo.find(Query.query(Criteria.where("_id").in(latest)), InboxEntry.class).stream()
        .filter(e -> e.userId().equals(userId))
        .sorted(Comparator.comparing(InboxEntry::createdAt).reversed())
        .toList();
  }
}
