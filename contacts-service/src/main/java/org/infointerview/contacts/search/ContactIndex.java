package org.infointerview.contacts.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.infointerview.contacts.contact.AlumniFacts;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactDetails;
import org.infointerview.contacts.contact.ContactStatus;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.consumer.Envelopes;
import org.infointerview.messaging.consumer.IncomingEvent;
import org.infointerview.messaging.consumer.IncomingEvents;
import org.infointerview.messaging.outbox.AggregatesWritten;
import org.infointerview.messaging.store.StorePages;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The search read model: every active contact in a Lucene index of this instance's own (on local
 * disk, rebuilt from the store at each start), so that search does not scan the store. It is kept
 * current by this instance's writes as they are made ({@link AggregatesWritten}) and by every
 * instance's contact events (a consumer group per instance, so each instance hears them all; each
 * event's contact is read again from the store). The store stays the truth: search reads the page
 * it finds from the store and checks visibility again, so a moment's lag can hide a change but
 * never show what a viewer may not see. Until the first build ends, search asks the store itself.
 * The build reads the store a page at a time, so a million contacts cost a page of heap, not a
 * million.
 */
@Component
class ContactIndex implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ContactIndex.class);
  private static final String INSTITUTION = "-";

  private final MongoTemplate mongo;
  private final Path path;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ScheduledExecutorService reopener;

  /**
   * Every change of the index from this instance's writes and the events, one after the other in
   * the order they came: an import's batch is indexed here while its writer goes on to the next (a
   * few batches at most wait, then the writer does), every other change waits for its turn.
   */
  final ThreadPoolExecutor lane =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(2),
          task -> {
            Thread thread = new Thread(task, "contact-index-write");
            thread.setDaemon(true);
            return thread;
          },
          (task, pool) -> {
            if (pool.isShutdown()) {
              throw new RejectedExecutionException("the search index is closing");
            }
            try {
              pool.getQueue().put(task);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new RejectedExecutionException("interrupted", e);
            }
          });

  /** Bulk writes handed to the lane and not indexed yet. */
  private final AtomicInteger bulkPending = new AtomicInteger();

  /** Written in bulk and not yet seen by searchers: the next read of the index refreshes first. */
  private final AtomicBoolean unseen = new AtomicBoolean();

  /** Heard from the events and not yet seen by searchers: the reopen thread refreshes. */
  private final AtomicBoolean heard = new AtomicBoolean();

  private final Set<String> touchedWhileBuilding = ConcurrentHashMap.newKeySet();
  private volatile boolean building;
  private volatile boolean ready;

  ContactIndex(MongoTemplate mongo) throws IOException {
    this.mongo = mongo;
    this.path = Files.createTempDirectory("contact-index-");
    this.directory = FSDirectory.open(path);
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(32);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
    // Every second, only when the events changed something: a reopen at every tick flushed a
    // segment a second during an import (whose own writes the next search sees anyway), and
    // merging those segments back was a tenth of contacts-service's CPU.
    this.reopener =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "contact-index-reopen");
              thread.setDaemon(true);
              return thread;
            });
    reopener.scheduleWithFixedDelay(this::seeHeardWrites, 1, 1, TimeUnit.SECONDS);
  }

  boolean ready() {
    return ready;
  }

  /** Builds the index from the store, off the start-up thread. */
  @EventListener(ApplicationReadyEvent.class)
  void build() {
    building = true;
    Thread builder = new Thread(this::buildNow, "contact-index-build");
    builder.setDaemon(true);
    builder.start();
  }

  private void buildNow() {
    Instant started = Instant.now();
    long count = 0;
    try (Stream<Contact> all =
        StorePages.stream(
            mongo,
            org.springframework.data.mongodb.core.query.Query.query(
                Criteria.where("status").is(ContactStatus.ACTIVE)),
            Contact.class)) {
      for (Contact contact : (Iterable<Contact>) all::iterator) {
        // A contact written meanwhile was indexed from its newer state already.
        if (!touchedWhileBuilding.contains(contact.id())) {
          writer.updateDocument(idTerm(contact.id()), document(contact));
        }
        count++;
      }
      searchers.maybeRefreshBlocking();
      ready = true;
      log.info(
          "Contact search index built: {} contacts in {} ms",
          count,
          Duration.between(started, Instant.now()).toMillis());
    } catch (IOException | RuntimeException e) {
      log.error("The contact search index could not be built; search reads the store", e);
    } finally {
      building = false;
      touchedWhileBuilding.clear();
    }
  }

  /**
   * This instance's own writes: one contact is indexed before its answer goes out; a bulk write (an
   * import's batch) is handed to the lane and its writer goes on, and it is searchable on the next
   * read of the index, which waits for it.
   */
  @EventListener
  void written(AggregatesWritten written) {
    if (written.type() != Contact.class) {
      return;
    }
    List<Contact> contacts = new ArrayList<>();
    for (Object aggregate : written.aggregates()) {
      contacts.add((Contact) aggregate);
    }
    if (contacts.size() > 1 && written.ids().isEmpty()) {
      bulkPending.incrementAndGet();
      lane.execute(
          () -> {
            try {
              write(contacts);
              unseen.set(true);
            } catch (RuntimeException e) {
              log.error("{} contacts written could not be indexed", contacts.size(), e);
            } finally {
              bulkPending.decrementAndGet();
            }
          });
      return;
    }
    inLane(
        () -> {
          put(contacts);
          if (!written.ids().isEmpty()) {
            refresh(written.ids().stream().map(String::valueOf).toList());
          }
        });
  }

  /** Runs a change of the index in its turn and waits for it. */
  private void inLane(Runnable change) {
    Future<?> done = lane.submit(change);
    try {
      done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the search index was written", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Every other instance's writes, as their events arrive, a batch at a time (an import's hundreds
   * of thousands: no span and timer for each, and one store read for a batch). This instance's own
   * events (the writer header names it) are passed over unread: {@link #written} indexed them as
   * they were made. An event of a version the index has already (this instance's writes in an
   * earlier run, whose events carry another token) costs no store read; searchers see the others
   * within a second (the reopen thread), without a refresh per event, and at once when a search
   * comes first.
   */
  @KafkaListener(
      topics = Topics.CONTACTS,
      groupId = "${spring.application.name}-search-${random.uuid}",
      properties = {
        "auto.offset.reset=latest",
        Envelopes.DATA + "=version,survivorVersion,mergedId",
        Envelopes.OWN + "=skip",
        IncomingEvents.FETCH_MANY,
        IncomingEvents.FETCH_WAIT
      },
      batch = "true")
  void heard(List<ConsumerRecord<String, IncomingEvent>> records) {
    IncomingEvents.each(records, this::reindex);
  }

  private void reindex(List<IncomingEvent> events) {
    Set<String> ids = new LinkedHashSet<>();
    for (IncomingEvent event : events) {
      if (event.unread()) {
        continue; // this instance's own write: indexed as it was made
      }
      JsonNode version =
          event.data().get(event.is(EventType.CONTACT_MERGED) ? "survivorVersion" : "version");
      if (version == null
          || !version.isNumber()
          || version.asLong() > indexedVersion(event.subject())) {
        ids.add(event.subject());
      }
      if (event.is(EventType.CONTACT_MERGED) && event.data().has("mergedId")) {
        ids.add(event.data().get("mergedId").asString());
      }
    }
    if (!ids.isEmpty()) {
      inLane(() -> update(ids));
    }
  }

  /** The version of a contact the index holds, or -1. */
  private long indexedVersion(String id) {
    try {
      seeBulkWrites();
      IndexSearcher searcher = searchers.acquire();
      try {
        TopDocs top = searcher.search(new TermQuery(idTerm(id)), 1);
        if (top.scoreDocs.length == 0) {
          return -1;
        }
        IndexableField version =
            searcher.storedFields().document(top.scoreDocs[0].doc).getField("version");
        return version == null ? -1 : version.numericValue().longValue();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads these contacts from the store and indexes them as they are there, searchable now. */
  void refresh(Collection<String> ids) {
    update(ids);
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void update(Collection<String> ids) {
    List<Contact> found =
        mongo.find(
            org.springframework.data.mongodb.core.query.Query.query(Criteria.where("_id").in(ids)),
            Contact.class);
    Set<String> gone = new HashSet<>(ids);
    found.forEach(c -> gone.remove(c.id()));
    try {
      for (String id : gone) {
        writer.deleteDocuments(idTerm(id));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    write(found);
    heard.set(true);
  }

  /**
   * Indexes these contacts. One contact is searchable before this returns; many (a batch of an
   * import) become searchable on the next read of the index, so a batch costs its writer no
   * refresh.
   */
  private void put(List<Contact> contacts) {
    if (contacts.isEmpty()) {
      return;
    }
    write(contacts);
    if (contacts.size() > 1) {
      unseen.set(true);
      return;
    }
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes what was written in bulk, or heard, visible before the index is read. */
  private void seeBulkWrites() throws IOException {
    if (bulkPending.get() > 0) {
      inLane(() -> {});
    }
    // '|', not '||': both flags are cleared, whatever the first says
    if (unseen.getAndSet(false) | heard.getAndSet(false)) {
      searchers.maybeRefreshBlocking();
    }
  }

  /** The reopen thread's tick: what the events changed becomes searchable. */
  private void seeHeardWrites() {
    try {
      if (heard.getAndSet(false)) {
        searchers.maybeRefreshBlocking();
      }
    } catch (IOException | RuntimeException e) {
      log.warn("The contact search index could not be refreshed: {}", e.toString());
    }
  }

  private void write(List<Contact> contacts) {
    try {
      for (Contact contact : contacts) {
        if (building) {
          touchedWhileBuilding.add(contact.id());
        }
        if (contact.status() == ContactStatus.ACTIVE) {
          writer.updateDocument(idTerm(contact.id()), document(contact));
        } else {
          writer.deleteDocuments(idTerm(contact.id()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of one page of matches in order, and whether more follow. */
  record Hits(List<String> ids, boolean hasMore) {}

  Hits search(Query query, Sort sort, int page, int size) {
    try {
      seeBulkWrites();
      IndexSearcher searcher = searchers.acquire();
      try {
        int skip = page * size;
        int wanted = Math.max(1, Math.min(skip + size + 1, searcher.getIndexReader().maxDoc()));
        TopFieldDocs top = searcher.search(query, wanted, sort);
        StoredFields stored = searcher.storedFields();
        List<String> ids = new ArrayList<>(size);
        for (int i = skip; i < Math.min(skip + size, top.scoreDocs.length); i++) {
          ids.add(stored.document(top.scoreDocs[i].doc).get("id"));
        }
        return new Hits(ids, top.scoreDocs.length > skip + size);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Term idTerm(String id) {
    return new Term("id", id);
  }

  /** The fields search filters and sorts on; the store keeps everything else. */
  private static Document document(Contact contact) {
    Document doc = new Document();
    doc.add(new StringField("id", contact.id(), Field.Store.YES));
    doc.add(new StoredField("version", contact.currentVersion()));
    doc.add(new SortedDocValuesField("idSort", new BytesRef(contact.id())));
    String owner = contact.ownerId();
    doc.add(new StringField("owner", owner == null ? INSTITUTION : owner, Field.Store.NO));
    boolean reachable = owner == null && contact.consent().reachable();
    doc.add(new StringField("reachable", String.valueOf(reachable), Field.Store.NO));
    contact.searchTokens().forEach(t -> doc.add(new StringField("tok", t, Field.Store.NO)));
    contact.titleTokens().forEach(t -> doc.add(new StringField("title", t, Field.Store.NO)));
    ContactDetails details = contact.details();
    details.careerFields().forEach(c -> doc.add(new StringField("cf", c, Field.Store.NO)));
    keyword(doc, "industry", details.industry());
    keyword(doc, "org", contact.organizationKey());
    AlumniFacts alumni = details.alumni();
    if (alumni != null && alumni.graduationYear() != null) {
      doc.add(new IntPoint("year", alumni.graduationYear()));
      doc.add(new NumericDocValuesField("yearSort", alumni.graduationYear()));
    }
    keyword(doc, "major", alumni == null ? null : lower(alumni.major()));
    keyword(doc, "city", lower(details.city()));
    keyword(doc, "country", details.country());
    keyword(doc, "tz", details.timeZone());
    keyword(doc, "source", contact.source().name());
    keyword(doc, "optedIn", String.valueOf(contact.consent().optedIn()));
    doc.add(new SortedDocValuesField("nameKey", new BytesRef(contact.nameKey())));
    doc.add(new NumericDocValuesField("updated", contact.updatedAt().toEpochMilli()));
    return doc;
  }

  private static void keyword(Document doc, String field, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      doc.add(new StringField(field, value, Field.Store.NO));
    }
  }

  static @Nullable String lower(@Nullable String value) {
    return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public void destroy() throws IOException {
    ready = false;
    reopener.shutdownNow();
    lane.shutdown();
    try {
      lane.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    IOUtils.close(searchers, writer, directory);
    IOUtils.rm(path);
  }
}
