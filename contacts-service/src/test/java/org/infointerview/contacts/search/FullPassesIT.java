package org.infointerview.contacts.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Sort;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.infointerview.contacts.contact.Contact;
import org.infointerview.contacts.contact.ContactPreference;
import org.infointerview.contacts.contact.InstitutionContacts;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Outbox;
import org.infointerview.messaging.store.StorePages;
import org.infointerview.testinfra.ApiClient;
import org.infointerview.testinfra.ServiceIT;
import org.infointerview.testinfra.TestIdentityProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A pass over every contact (the search index build at start-up, the directory export) holds one
 * page of the store at a time: no answer of the store carries more contacts than a page, however
 * many the store holds. The embedded store answers an unpaged find with its whole result at once,
 * which is how a restart with 100,000 contacts ran out of heap.
 */
@ServiceIT
class FullPassesIT {

  private static final TestIdentityProvider IDP = TestIdentityProvider.get();
  private static final int CONTACTS = StorePages.DEFAULT_SIZE * 2 + 200;

  /** The largest number of contacts one answer of the store carried since the last reset. */
  static final AtomicInteger largestAnswer = new AtomicInteger();

  @TestConfiguration
  static class CountingAnswers {
    @Bean
    MongoClientSettingsBuilderCustomizer countContactsPerAnswer() {
      return settings ->
          settings.addCommandListener(
              new CommandListener() {
                @Override
                public void commandSucceeded(CommandSucceededEvent event) {
                  BsonDocument cursor = event.getResponse().getDocument("cursor", null);
                  if (cursor == null || !cursor.getString("ns").getValue().endsWith(".contacts")) {
                    return;
                  }
                  BsonArray batch =
                      cursor.containsKey("firstBatch")
                          ? cursor.getArray("firstBatch")
                          : cursor.getArray("nextBatch", new BsonArray());
                  largestAnswer.accumulateAndGet(batch.size(), Math::max);
                }
              });
    }
  }

  @Autowired MongoTemplate mongo;
  @Autowired AggregateStore store;
  @Autowired Outbox outbox;

  @Value("${local.server.port}")
  int port;

  @Value("${spring.mvc.async.request-timeout}")
  Duration downloadTimeout;

  private final Set<String> mine = new HashSet<>();

  @BeforeEach
  void storeMoreContactsThanTwoPages() {
    String family = "Pass" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    InstitutionContacts fixtures = new InstitutionContacts(store);
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      contacts.add(
          fixtures.unsaved(
              "Person" + i,
              family,
              "p" + i + "-" + family + "@example.org",
              "Fixture Org",
              "Engineer",
              2010,
              "Physics",
              List.of("STEM"),
              InstitutionContacts.optedIn(ContactPreference.SHOW_EMAIL)));
    }
    mongo.insertAll(contacts);
    contacts.forEach(c -> mine.add(c.id()));
    largestAnswer.set(0);
  }

  @Test
  void theSearchIndexIsBuiltFromTheStoreAPageAtATime() throws Exception {
    ContactIndex fresh = new ContactIndex(mongo);
    try {
      fresh.build();
      await().atMost(Duration.ofSeconds(60)).until(fresh::ready);

      ContactIndex.Hits all = fresh.search(new MatchAllDocsQuery(), Sort.INDEXORDER, 0, 1_000_000);
      assertThat(all.ids()).containsAll(mine);
      assertThat(largestAnswer.get()).isBetween(1, StorePages.DEFAULT_SIZE);
    } finally {
      fresh.destroy();
    }
  }

  @Test
  void theDirectoryExportReadsTheStoreAPageAtATime() {
    HttpResponse<String> csv =
        new ApiClient(port)
            .get(
                "/contacts/export?scope=directory",
                IDP.token("admin-" + UUID.randomUUID(), "admin"));

    assertThat(csv.statusCode()).isEqualTo(200);
    Set<String> exported = new HashSet<>();
    csv.body().lines().skip(1).forEach(line -> exported.add(line.substring(0, line.indexOf(','))));
    assertThat(exported).containsAll(mine);
    assertThat(largestAnswer.get()).isBetween(1, StorePages.DEFAULT_SIZE);
    assertThat(downloadTimeout)
        .as("a streamed export of a large directory is not cut at the container's 30 s")
        .isGreaterThanOrEqualTo(Duration.ofMinutes(10));
  }
}
