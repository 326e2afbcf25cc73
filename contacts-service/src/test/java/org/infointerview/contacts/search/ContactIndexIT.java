package org.infointerview.contacts.search;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactDetailsBuilder;
import org.infointerview.contacts.contact.ContactPreference;
import org.infointerview.contacts.contact.InstitutionContacts;
import org.infointerview.contacts.contact.Provenance;
import org.infointerview.events.EventHeaders;
import org.infointerview.events.EventType;
import org.infointerview.events.Topics;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.BulkInserts;
import org.infointerview.messaging.outbox.Changed;
import org.infointerview.messaging.outbox.Outbox;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.GoldenEvent;
import org.infointerview.testinfra.Infrastructure;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search reads this instance's Lucene index of the contacts: writes by other instances reach it
 * through their events, and what the store says now wins over what the index still holds.
 */
@ServiceIT
class ContactIndexIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();

  private final KafkaProducer<String, String> producer = Infrastructure.get().producer();

  @Autowired MongoTemplate mongo;
  @Autowired AggregateStore store;
  @Autowired BulkInserts bulk;
  @Autowired Outbox outbox;
  @Autowired ContactIndex index;
  @Autowired JsonMapper json;

  private final String student = IDP.token("student-" + UUID.randomUUID(), "student");
  ApiClient api;
  private String family;

  @BeforeEach
  void setUp() {
    family = "Idx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    await().atMost(Duration.ofSeconds(30)).until(index::ready);
  }

  @AfterEach
  void close() {
    producer.close(Duration.ofSeconds(5));
  }

  @Test
  void aContactAnotherInstanceStoredIsFoundOnceItsEventArrives() throws Exception {
    // Stored as another instance stores it: this instance's own write path never sees it.
    Contact elsewhere = stored("Remote");

    assertThat(found(family)).as("the index cannot know before the event").isEmpty();

    String event = GoldenEvent.of(EventType.CONTACT_UPDATED).about(elsewhere.id()).json();
    producer.send(new ProducerRecord<>(Topics.CONTACTS, elsewhere.id(), event)).get();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(found(family)).containsExactly(elsewhere.id()));
  }

  @Test
  void anEventNamingThisInstanceAsItsWriterIsPassedOverAndOneNamingAnotherIsRead()
      throws Exception {
    // Both stored as another instance stores them, so only their events can tell the index.
    Contact mine = stored("Mine");
    Contact theirs = stored("Theirs");
    String key = mine.id(); // one partition, so the second record is heard after the first

    producer.send(relayed(key, mine, outbox.writer())).get();
    producer.send(relayed(key, theirs, "another-instance")).get();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(found(family + " theirs")).containsExactly(theirs.id()));
    assertThat(found(family + " mine"))
        .as("this instance indexes its own writes as it makes them, never from their events")
        .isEmpty();
  }

  private Contact stored(String given) {
    Contact contact =
        new InstitutionContacts(store)
            .unsaved(
                given,
                family,
                given.toLowerCase() + "-" + UUID.randomUUID() + "@example.org",
                "Far Away Labs",
                "Researcher",
                2011,
                "Biology",
                List.of("STEM"),
                InstitutionContacts.optedIn(ContactPreference.SHOW_EMAIL));
    mongo.insert(contact);
    return contact;
  }

  private static ProducerRecord<String, String> relayed(
      String key, Contact contact, String writer) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            Topics.CONTACTS,
            key,
            GoldenEvent.of(EventType.CONTACT_UPDATED).about(contact.id()).json());
    record.headers().add(EventHeaders.TYPE, EventType.CONTACT_UPDATED.token().getBytes(UTF_8));
    record.headers().add(EventHeaders.WRITER, writer.getBytes(UTF_8));
    return record;
  }

  @Test
  void whatTheStoreSaysNowWinsOverTheIndexSoAWithdrawnPersonIsNotShown() {
    Contact open = new InstitutionContacts(store).optedInAlumnus(family);
    assertThat(found(family)).containsExactly(open.id());

    // Another instance records the opt-out; its event has not arrived here yet.
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(open.id())),
        new Update().set("consent.optedIn", false),
        Contact.class);

    assertThat(found(family)).isEmpty();
  }

  @Test
  void thisInstancesOwnWritesAreSearchableAtOnce() {
    HttpResponse<String> created =
        api.post(
            "/contacts",
            student,
            "{\"givenName\": \"Nadia\", \"familyName\": \""
                + family
                + "\", \"jobTitle\": \"Nurse\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json.readTree(created.body()).get("id").asString();

    assertThat(found(family + " nadia")).containsExactly(id);
    assertThat(api.delete("/contacts/" + id, student).statusCode()).isEqualTo(204);
    assertThat(found(family)).isEmpty();
  }

  @Test
  void aBulkWriteIsSearchableOnTheNextSearch() {
    List<Contact> many = manyWrittenInBulk();

    assertThat(found(family + " many"))
        .as("indexed after the write returned, and waited for by the next search")
        .hasSize(20)
        .isSubsetOf(many.stream().map(Contact::id).toList());
  }

  @Test
  void aChangeRightAfterABulkWriteWinsOverIt() throws Exception {
    // The index is held busy, so the bulk write below is still waiting when the change comes.
    CountDownLatch held = new CountDownLatch(1);
    index.lane.execute(
        () -> {
          try {
            held.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    Contact first = mongo.findById(manyWrittenInBulk().get(0).id(), Contact.class);
    CompletableFuture<Contact> renaming =
        CompletableFuture.supplyAsync(
            () ->
                store.update(
                    first.revised(
                        ContactDetailsBuilder.builder(first.details()).givenName("Renamed").build(),
                        new Provenance("STAFF", "test", null, Instant.now(), List.of()))));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> renaming.isDone() || index.lane.getQueue().size() == 2);
    held.countDown();
    Contact renamed = renaming.get(30, TimeUnit.SECONDS);

    assertThat(found(family + " renamed"))
        .as("indexed after the bulk write that created it, so its new name is what the index has")
        .containsExactly(renamed.id());
    assertThat(found(family + " many")).doesNotContain(first.id());
  }

  /** Many contacts in one bulk write, as an import's batch: indexing them takes a while. */
  private List<Contact> manyWrittenInBulk() {
    List<Changed<Contact>> created = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      created.add(
          new InstitutionContacts(store)
              .unsaved(
                  "Many",
                  family,
                  "many-" + i + "-" + UUID.randomUUID() + "@example.org",
                  "Far Away Labs",
                  "Researcher",
                  2011,
                  "Biology",
                  List.of("STEM"),
                  InstitutionContacts.optedIn(ContactPreference.SHOW_EMAIL))
              .creation());
    }
    bulk.insertAll(created);
    return created.stream().map(Changed::state).toList();
  }

  private List<String> found(String q) {
    HttpResponse<String> response = api.get("/contacts?q=" + q.replace(" ", "+"), student);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("items").findValuesAsString("id");
  }
}
