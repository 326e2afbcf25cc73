package org.infointerview.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bson.Document;
import org.infointerview.notifications.inbox.Inbox;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Messages, each once. {@link #queue} renders nothing and sends nothing twice: a message's id is
 * its kind, the fact's event id and the recipient, so a fact delivered again finds its message
 * here. A queued message is tried at once and then, while it fails, again after growing pauses, by
 * whichever instance leases it first (a versioned write, so two instances never send the same try).
 * The one window left: the mail server accepted it and the instance stopped before writing SENT;
 * the lease runs out and it is sent again, with the same Message-ID.
 *
 * <p>Queued ids also stand in {@code delivery_queue} until they are SENT or FAILED, so the poller
 * reads a few entries, never every message ever sent (embedded-store workaround: it has no index
 * for a query by status and time).
 */
@Service
@EnableConfigurationProperties(DeliveryProperties.class)
public class Deliveries implements SmartLifecycle {

  static final String QUEUE = "delivery_queue";

  /** Due messages read from the queue at once. */
  private static final int BATCH = 100;

  /** The ids of FAILED messages, for the delivery log (a few, unlike every message sent). */
  static final String FAILURES = "delivery_failures";

  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

  /** In a queue entry: when the message's tries began failing (absent while none has failed). */
  static final String FAILING_SINCE = "failingSince";

  /** The kind of a daily digest, and where what it gathers is listed. */
  public static final String DIGEST = "DIGEST";

  /** Each digest's list of the messages gathered into it, by the digest's id. */
  public static final String DIGESTS = "digests";

  /** Why a message that can wait waits: the delivery log shows it. */
  static final String QUIET_HOURS = "Waiting for the end of the recipient's quiet hours.";

  /**
   * A message to queue, for one recipient: already rendered, or (to a person in contacts-service)
   * the facts it is made from when first tried ({@link MessagePreparer}).
   */
  public record Message(
      String kind,
      String eventId,
      String recipientId,
      @Nullable String to,
      @Nullable String toName,
      MailTemplates.Rendered content,
      boolean byEmail,
      boolean inApp,
      @Nullable String invite,
      @Nullable String inviteMethod,
      @Nullable String contactId,
      @Nullable String facts) {

    /** By mail or in the inbox, as chosen, without an invite. */
    public Message(
        String kind,
        String eventId,
        String recipientId,
        @Nullable String to,
        @Nullable String toName,
        MailTemplates.Rendered content,
        boolean byEmail,
        boolean inApp) {
      this(kind, eventId, recipientId, to, toName, content, byEmail, inApp, null, null, null, null);
    }

    /** By mail and in the inbox. */
    public Message(
        String kind,
        String eventId,
        String recipientId,
        @Nullable String to,
        @Nullable String toName,
        MailTemplates.Rendered content) {
      this(kind, eventId, recipientId, to, toName, content, true, true);
    }

    /**
     * A mail to a person in contacts-service, made from {@code facts} by the kind's preparer when
     * it is first tried; its recipient is {@code contact:<id>}.
     */
    public static Message toContact(String kind, String eventId, String contactId, String facts) {
      return new Message(
          kind,
          eventId,
          contactRecipient(contactId),
          null,
          null,
          new MailTemplates.Rendered("", "", ""),
          true,
          false,
          null,
          null,
          contactId,
          facts);
    }

    /**
     * A mail to a platform user, made from {@code facts} by the kind's preparer when it is first
     * tried (a daily digest); by mail only.
     */
    public static Message toUserLater(
        String kind, String eventId, String recipientId, String facts) {
      return new Message(
          kind,
          eventId,
          recipientId,
          null,
          null,
          new MailTemplates.Rendered("", "", ""),
          true,
          false,
          null,
          null,
          null,
          facts);
    }

    /** The same message with a calendar invite attached (method REQUEST or CANCEL). */
    public Message withInvite(String ics, String method) {
      return new Message(
          kind,
          eventId,
          recipientId,
          to,
          toName,
          content,
          byEmail,
          inApp,
          ics,
          method,
          contactId,
          facts);
    }
  }

  /** How a person in contacts-service is named as a message's recipient. */
  public static String contactRecipient(String contactId) {
    return "contact:" + contactId;
  }

  private final MongoTemplate mongo;
  private final SmtpSender smtp;
  private final Inbox inbox;
  private final DeliveryProperties properties;
  private final Clock clock;
  private final Map<String, MessagePreparer> preparers;
  private final SendRate sendRate;
  private final SmtpConnections connections;
  private final SendWindows sendWindows;
  private final MailMeters meters;
  private @Nullable ScheduledExecutorService poller;
  private @Nullable ExecutorService senders;

  Deliveries(
      MongoTemplate mongo,
      SmtpSender smtp,
      Inbox inbox,
      DeliveryProperties properties,
      Clock clock,
      List<MessagePreparer> preparers,
      SendRate sendRate,
      SmtpConnections connections,
      ObjectProvider<SendWindows> sendWindows,
      MailMeters meters) {
    this.meters = meters;
    this.sendRate = sendRate;
    this.connections = connections;
    this.sendWindows = sendWindows.getIfAvailable(() -> SendWindows.ALWAYS);
    this.preparers =
        preparers.stream()
            .collect(Collectors.toUnmodifiableMap(MessagePreparer::kind, Function.identity()));
    this.mongo = mongo;
    this.smtp = smtp;
    this.inbox = inbox;
    this.properties = properties;
    this.clock = clock;
  }

  /** Queues the message once and tries it at once; a second call for it changes nothing. */
  public void queue(Message message) {
    queue(message, null);
  }

  /**
   * The same, its first try asking {@code windows} (the recipient's choices, just read by the
   * caller) when it may go, instead of reading them again.
   */
  public void queue(Message message, SendWindows.@Nullable Read windows) {
    Instant now = clock.instant();
    // Written already held by this instance, and tried from what was written: no read back, no
    // second write to take it (the store's round trips are most of a message's time).
    Delivery queued =
        queued(idOf(message), message, DeliveryStatus.QUEUED, null, now)
            .leased(now.plus(properties.lease()));
    Delivery inserted = insert(queued);
    if (inserted != null) {
      tryLeased(inserted, windows);
    }
  }

  /**
   * Queues the message under this id, to be sent at {@code at} (a reminder); a second call for the
   * id changes nothing.
   */
  public void queueAt(String id, Message message, Instant at) {
    insert(queued(id, message, DeliveryStatus.QUEUED, null, at));
  }

  /** A queued message that is no longer due is not sent (DROPPED); one already sent stays so. */
  public void drop(String id) {
    drop(id, null);
  }

  private void drop(String id, @Nullable String reason) {
    for (int attempt = 0; attempt < 3; attempt++) {
      Delivery delivery = mongo.findById(id, Delivery.class);
      if (delivery == null || delivery.status() != DeliveryStatus.QUEUED) {
        break;
      }
      try {
        mongo.save(
            delivery
                .withStatus(DeliveryStatus.DROPPED)
                .withLastError(reason != null ? reason : delivery.lastError())
                .withLeasedUntil(null));
        break;
      } catch (OptimisticLockingFailureException sending) {
        // an instance leased it meanwhile: read again
      }
    }
    dequeue(id);
  }

  /**
   * Every message to this person in contacts-service not yet sent is not sent (DROPPED): they asked
   * not to be written.
   */
  public void dropFor(String contactId, String reason) {
    for (Delivery waiting : toContact(contactId)) {
      if (waiting.status() == DeliveryStatus.QUEUED) {
        drop(waiting.id(), reason);
      }
    }
  }

  /**
   * The person is erased: nothing to them is sent any more, and every message to them keeps neither
   * their address, name, words nor facts; only that a message of its kind existed.
   */
  public void forget(String contactId) {
    scrub(toContact(contactId));
  }

  /**
   * A platform user is erased: as {@link #forget} for every message to them, and the messages to
   * others not yet sent that were made from facts about them (a reminder to the person they were to
   * meet) are not sent either.
   */
  public void forgetUser(String userId) {
    scrub(mongo.find(Query.query(Criteria.where("recipientId").is(userId)), Delivery.class));
    for (Delivery waiting :
        mongo.find(
            Query.query(
                Criteria.where("status")
                    .is(DeliveryStatus.QUEUED)
                    .and("facts")
                    .regex(Pattern.quote("\"studentId\":\"" + userId + "\""))),
            Delivery.class)) {
      drop(waiting.id(), "The student was erased.");
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(waiting.id())),
          new Update().set("facts", null),
          Delivery.class);
    }
  }

  private void scrub(List<Delivery> messages) {
    for (Delivery message : messages) {
      Update scrubbed =
          new Update()
              .set("to", null)
              .set("toName", null)
              .set("subject", "")
              .set("text", "")
              .set("html", "")
              .set("invite", null)
              .set("facts", null)
              .set("unsubscribe", null)
              .set("leasedUntil", null)
              .inc("version", 1);
      if (message.status() == DeliveryStatus.QUEUED) {
        scrubbed.set("status", DeliveryStatus.DROPPED).set("lastError", "The person was erased.");
      }
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(message.id())), scrubbed, Delivery.class);
      dequeue(message.id());
    }
  }

  /**
   * The message goes in the person's digest of {@code at} instead of by itself: its id joins the
   * digest's list, the digest is queued for its time (once, whoever gathers first), and the message
   * is IN_DIGEST.
   */
  private void gather(Delivery leased, Instant at) {
    String digestId = DIGEST + "|" + leased.recipientId() + "|" + at.getEpochSecond();
    mongo.upsert(
        Query.query(Criteria.where("_id").is(digestId)),
        new Update()
            .addToSet("ids", leased.id())
            .set("recipientId", leased.recipientId())
            .set("at", at),
        DIGESTS);
    queueAt(digestId, Message.toUserLater(DIGEST, digestId, leased.recipientId(), digestId), at);
    settle(
        leased
            .withStatus(DeliveryStatus.IN_DIGEST)
            .withLastError("Gathered into the daily digest " + digestId)
            .withLeasedUntil(null));
  }

  /**
   * The person's messages waiting for their quiet hours to end are tried now (their choice
   * changed); each is asked again when tried.
   */
  public void quietHoursChanged(String recipientId) {
    Instant now = clock.instant();
    List<Delivery> waiting =
        mongo.find(
            Query.query(
                Criteria.where("recipientId")
                    .is(recipientId)
                    .and("status")
                    .is(DeliveryStatus.QUEUED)
                    .and("lastError")
                    .is(QUIET_HOURS)),
            Delivery.class);
    for (Delivery message : waiting) {
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(message.id()).and("lastError").is(QUIET_HOURS)),
          new Update().set("nextAttemptAt", now).inc("version", 1),
          Delivery.class);
      enqueue(message.id(), now);
    }
  }

  private List<Delivery> toContact(String contactId) {
    return mongo.find(Query.query(Criteria.where("contactId").is(contactId)), Delivery.class);
  }

  /** Keeps, as FAILED, a message that could not even be made (a template error), with why. */
  public void failed(String kind, String eventId, String recipientId, String reason) {
    MailTemplates.Rendered nothing = new MailTemplates.Rendered("", "", "");
    Message message = new Message(kind, eventId, recipientId, null, null, nothing);
    Delivery failed =
        queued(idOf(message), message, DeliveryStatus.FAILED, reason, clock.instant());
    if (insert(failed) != null) {
      noteFailure(failed.id());
    }
  }

  private void noteFailure(String id) {
    mongo.upsert(
        Query.query(Criteria.where("_id").is(id)), new Update().set("listed", true), FAILURES);
  }

  /** The delivery log's page: QUEUED or FAILED messages, by id after {@code after}. */
  public List<Delivery> listed(DeliveryStatus status, String after, int size) {
    String collection =
        switch (status) {
          case QUEUED -> QUEUE;
          case FAILED -> FAILURES;
          default ->
              throw new IllegalArgumentException("Only QUEUED and FAILED messages are listed");
        };
    Query page = Query.query(Criteria.where("_id").gt(after)).limit(size);
    page.with(Sort.by("_id"));
    List<String> ids =
        mongo.find(page, Document.class, collection).stream().map(d -> d.getString("_id")).toList();
    return mongo.find(Query.query(Criteria.where("_id").in(ids)), Delivery.class).stream()
        .filter(d -> d.status() == status)
        .sorted(Comparator.comparing(Delivery::id))
        .toList();
  }

  /** One message by the delivery log's handle. */
  public Optional<Delivery> byHandle(String handle) {
    return Optional.ofNullable(
        mongo.findOne(Query.query(Criteria.where("handle").is(handle)), Delivery.class));
  }

  /**
   * A FAILED message queued again from its first try (an admin's retry): tried at once; false when
   * it was not FAILED (sent, queued or dropped meanwhile).
   */
  public boolean retry(Delivery failed) {
    if (failed.status() != DeliveryStatus.FAILED
        || failed.to() == null && (failed.facts() == null || failed.contactId() == null)) {
      return false;
    }
    Instant now = clock.instant();
    try {
      mongo.save(
          failed
              .withStatus(DeliveryStatus.QUEUED)
              .withAttempts(0)
              .withNextAttemptAt(now)
              .withLeasedUntil(null));
    } catch (OptimisticLockingFailureException changed) {
      return false;
    }
    mongo.remove(Query.query(Criteria.where("_id").is(failed.id())), FAILURES);
    enqueue(failed.id(), now);
    trySend(failed.id());
    return true;
  }

  /** A message's id: the kind, the fact's event id and the recipient. */
  private static String idOf(Message message) {
    return message.kind() + "|" + message.eventId() + "|" + message.recipientId();
  }

  private Delivery queued(
      String id, Message message, DeliveryStatus status, @Nullable String reason, Instant at) {
    return new Delivery(
        id,
        message.kind(),
        message.recipientId(),
        message.to(),
        message.toName(),
        message.content().subject(),
        message.content().text(),
        message.content().html(),
        handle(id),
        messageId(id),
        status,
        0,
        reason,
        clock.instant(),
        at,
        null,
        null,
        message.byEmail(),
        message.inApp(),
        message.invite(),
        message.inviteMethod(),
        message.contactId(),
        message.facts(),
        null,
        null);
  }

  /**
   * Writes the message and, while it waits, its queue entry; the message as written, or null when
   * it was there already.
   */
  private @Nullable Delivery insert(Delivery delivery) {
    if (delivery.status() == DeliveryStatus.QUEUED) {
      // The entry first: a crash before the message leaves an entry that finds nothing (dropped
      // when polled), never a queued message nobody polls.
      enqueue(delivery.id(), delivery.nextAttemptAt());
    }
    try {
      return mongo.insert(delivery);
    } catch (DuplicateKeyException again) {
      return null;
    }
  }

  /**
   * Tries the message if it is queued, due and nobody else holds it.
   *
   * @return false when it was left as it was (not due, or another instance holds it)
   */
  boolean trySend(String id) {
    Instant now = clock.instant();
    // Taken in one write when it is queued, due and free (most are): no read before it.
    Query free =
        Query.query(
            Criteria.where("_id")
                .is(id)
                .and("status")
                .is(DeliveryStatus.QUEUED)
                .and("nextAttemptAt")
                .lte(now)
                .orOperator(
                    Criteria.where("leasedUntil").is(null),
                    Criteria.where("leasedUntil").lte(now)));
    Delivery leased =
        mongo.findAndModify(
            free,
            new Update().set("leasedUntil", now.plus(properties.lease())).inc("version", 1),
            FindAndModifyOptions.options().returnNew(true),
            Delivery.class);
    if (leased != null) {
      tryLeased(leased, null);
      return true;
    }
    Delivery delivery = mongo.findById(id, Delivery.class);
    if (delivery == null || delivery.status() != DeliveryStatus.QUEUED) {
      dequeue(id);
      return true;
    }
    // not due, or another instance holds it
    return false;
  }

  /**
   * Tries the message this instance holds (its lease written); {@code windows}, when given, are the
   * recipient's, just read.
   */
  private void tryLeased(Delivery held, SendWindows.@Nullable Read windows) {
    Delivery leased = held;
    if (leased.awaitsPreparing()) {
      leased = prepared(leased);
      if (leased == null) {
        return;
      }
    }
    try {
      mailOrWait(leased, windows);
    } finally {
      // In the inbox after the mail has gone (or waits): the mail's time does not wait for it.
      if (leased.attempts() == 0 && leased.wantsInApp()) {
        inbox.add(
            leased.handleOrDerived(),
            leased.recipientId(),
            leased.kind(),
            leased.subject(),
            leased.text());
      }
    }
  }

  /** Sends the held message, or stores why and until when it waits. */
  private void mailOrWait(Delivery leased, SendWindows.@Nullable Read windows) {
    if (leased.wantsEmail()) {
      Instant mailAt = clock.instant();
      SendWindows.When when =
          windows != null
              ? windows.when(leased.kind(), mailAt)
              : sendWindows.when(leased.recipientId(), leased.kind(), mailAt);
      if (when.digest()) {
        gather(leased, when.at());
        return;
      }
      if (when.at().isAfter(mailAt)) {
        // the recipient's quiet hours: it waits (this was no try)
        settle(
            leased.withNextAttemptAt(when.at()).withLastError(QUIET_HOURS).withLeasedUntil(null));
        return;
      }
      Duration wait = sendRate.turn();
      if (!wait.isZero()) {
        // over the mailbox's rate: its turn comes then, and this was no try
        settle(leased.withNextAttemptAt(clock.instant().plus(wait)).withLeasedUntil(null));
        return;
      }
    }
    Delivery after;
    boolean failed = false;
    try {
      if (leased.wantsEmail()) {
        smtp.send(leased);
        // with the trace id of the request that caused it, when it went at once
        log.info("Message {} sent as {}", leased.id(), leased.messageId());
        meters.sent(leased.kind());
      }
      after = leased.sent(clock.instant());
    } catch (SmtpSender.Failure failure) {
      boolean last = failure.permanent() || leased.attempts() + 1 >= properties.mostAttempts();
      after = failedTry(leased, failure.getMessage(), last);
      failed = true;
    }
    settle(after, failed);
  }

  /**
   * The message's words made now from its facts, stored, still leased; null when it is not to be
   * sent now (dropped, failed, or to be tried again), which is then stored.
   */
  private @Nullable Delivery prepared(Delivery leased) {
    MessagePreparer preparer = preparers.get(leased.kind());
    String contactId = leased.preparedFor();
    String facts = Objects.requireNonNull(leased.facts());
    if (preparer == null) {
      settle(failedTry(leased, "Nothing here makes messages of this kind.", true));
      return null;
    }
    MessagePreparer.Outcome outcome;
    try {
      outcome = preparer.prepare(contactId, facts);
    } catch (MessagePreparer.NotYet notYet) {
      boolean last = leased.attempts() + 1 >= properties.mostAttempts();
      settle(failedTry(leased, notYet.getMessage(), last), true);
      return null;
    }
    if (outcome instanceof MessagePreparer.Ready ready) {
      return mongo.save(leased.prepared(ready));
    }
    if (outcome instanceof MessagePreparer.Dropped dropped) {
      log.info("Message {} not sent: {}", leased.id(), dropped.reason());
      mongo.save(
          leased
              .withStatus(DeliveryStatus.DROPPED)
              .withLastError(dropped.reason())
              .withLeasedUntil(null));
      dequeue(leased.id());
      return null;
    }
    settle(failedTry(leased, ((MessagePreparer.Failed) outcome).reason(), true));
    return null;
  }

  /** After a failed try: again later, or given up (and the kind's preparer told). */
  private Delivery failedTry(Delivery leased, String reason, boolean last) {
    if (!last) {
      Instant next = clock.instant().plus(pause(leased.attempts()));
      log.info("Message {} failed ({}); again at {}", leased.id(), reason, next);
      meters.retrying();
      return leased.failedOnce(reason, next);
    }
    log.warn("Message {} given up: {}", leased.id(), reason);
    MessagePreparer preparer = preparers.get(leased.kind());
    if (preparer != null && leased.facts() != null) {
      try {
        preparer.givenUp(leased.preparedFor(), leased.facts(), reason);
      } catch (RuntimeException e) {
        log.warn("Message {}: telling its failure failed: {}", leased.id(), e.toString());
      }
    }
    return leased.givenUp(reason);
  }

  /** Stores the outcome of what was not a failed try and the message's place. */
  private void settle(Delivery after) {
    settle(after, false);
  }

  /**
   * Stores the try's outcome and the message's place in the queue or the failures; after a failed
   * try that will be made again, the entry keeps when its tries began failing.
   */
  private void settle(Delivery after, boolean failedTry) {
    mongo.save(after);
    if (after.status() == DeliveryStatus.FAILED) {
      noteFailure(after.id());
    }
    if (after.status() == DeliveryStatus.QUEUED) {
      enqueue(after.id(), after.nextAttemptAt(), failedTry);
    } else {
      dequeue(after.id());
    }
  }

  /**
   * The message's entry in the queue the poller reads, due then: a wait by choice (quiet hours, the
   * rate, a reminder's time, a retry an admin asked for), so it is not failing.
   */
  private void enqueue(String id, Instant dueAt) {
    enqueue(id, dueAt, false);
  }

  /**
   * The same, after a failed try that will be made again: the first failure's time stays ({@code
   * $min}), how long mail has not been going out, which the late-mail gauge tells although each
   * retry moves the entry's due time on.
   */
  private void enqueue(String id, Instant dueAt, boolean failing) {
    Update due = new Update().set("dueAt", dueAt);
    mongo.upsert(
        Query.query(Criteria.where("_id").is(id)),
        failing ? due.min(FAILING_SINCE, Date.from(clock.instant())) : due.unset(FAILING_SINCE),
        QUEUE);
  }

  private void dequeue(String id) {
    mongo.remove(Query.query(Criteria.where("_id").is(id)), QUEUE);
  }

  /** The pause after the n-th failed try (from 0): doubling, up to the longest. */
  private Duration pause(int failedBefore) {
    Duration pause = properties.firstRetryAfter().multipliedBy(1L << Math.min(failedBefore, 20));
    return pause.compareTo(properties.longestRetryAfter()) > 0
        ? properties.longestRetryAfter()
        : pause;
  }

  /**
   * Tries every queued message whose time came, a batch after another while batches come full: the
   * earliest due first, spread over the instance's senders. Each instance starts at a place of its
   * own in the batch, so two instances rarely reach for the same message (when they do, the lease
   * decides and the other moves on).
   */
  void pollOnce() {
    while (true) {
      Query dueNow = Query.query(Criteria.where("dueAt").lte(clock.instant())).limit(BATCH);
      dueNow.with(Sort.by("dueAt"));
      List<String> due =
          mongo.find(dueNow, Document.class, QUEUE).stream().map(d -> d.getString("_id")).toList();
      if (due.isEmpty()) {
        return;
      }
      int start = ThreadLocalRandom.current().nextInt(due.size());
      List<String> mine = new ArrayList<>(due.subList(start, due.size()));
      mine.addAll(due.subList(0, start));
      if (trySeveral(mine) == 0 || due.size() < BATCH) {
        // a full batch of messages held by another instance (or one that stopped: their leases
        // run out) waits for the next poll
        return;
      }
    }
  }

  /**
   * Tries these messages on the senders, each taking the next untried, and waits for them.
   *
   * @return how many were tried (not left to another instance)
   */
  private int trySeveral(List<String> ids) {
    AtomicInteger tried = new AtomicInteger();
    ExecutorService pool = senders;
    if (pool == null) {
      ids.forEach(id -> trySafely(id, tried));
      return tried.get();
    }
    AtomicInteger next = new AtomicInteger();
    List<Callable<Void>> workers = new ArrayList<>();
    for (int i = 0; i < properties.senders(); i++) {
      workers.add(
          () -> {
            for (int n = next.getAndIncrement(); n < ids.size(); n = next.getAndIncrement()) {
              trySafely(ids.get(n), tried);
            }
            return null;
          });
    }
    try {
      pool.invokeAll(workers);
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    }
    return tried.get();
  }

  private void trySafely(String id, AtomicInteger tried) {
    try {
      if (trySend(id)) {
        tried.incrementAndGet();
      }
    } catch (RuntimeException e) {
      log.warn("Message {} could not be tried: {}", id, e.toString());
    }
  }

  /** A Message-ID from the message's id: the same on every try. */
  private String messageId(String id) {
    String domain = properties.fromAddress().substring(properties.fromAddress().indexOf('@') + 1);
    return "<" + handle(id) + "@" + domain + ">";
  }

  /** The message's id, hashed: URL-safe, for the delivery log. */
  public static String handle(String id) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public void start() {
    senders =
        Executors.newFixedThreadPool(
            properties.senders(),
            r -> {
              Thread thread = new Thread(r, "delivery-sender");
              thread.setDaemon(true);
              return thread;
            });
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "delivery-poller");
              thread.setDaemon(true);
              return thread;
            });
    long every = properties.pollEvery().toMillis();
    started.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    poller = started;
  }

  private void pollSafely() {
    try {
      pollOnce();
      connections.closeIdle();
    } catch (RuntimeException e) {
      log.warn("Polling queued messages failed: {}", e.toString());
    }
  }

  @Override
  public void stop() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
    if (senders != null) {
      senders.shutdownNow();
      senders = null;
    }
  }

  @Override
  public boolean isRunning() {
    return poller != null;
  }
}
