package org.infointerview.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.infointerview.messaging.testapp.LedgerTestApplication;
import org.infointerview.testinfra.InfrastructureTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The indexes guarded writes find their documents by exist once the service has started, before its
 * first write: the embedded store builds an index without holding back concurrent writes, and a
 * document written during the build is lost to it (a ledger whose every later write failed, on CI).
 * The database is this test's own, so no earlier write made them.
 */
@SpringBootTest(
    classes = LedgerTestApplication.class,
    properties = "spring.application.name=messaging-startup-indexes")
@InfrastructureTest
@DirtiesContext
class StartupIndexesIT {

  @Autowired MongoTemplate mongo;

  @Test
  void theVersionAndHintIndexesExistBeforeTheFirstWrite() {
    assertThat(mongo.getCollection("ledgers").countDocuments()).isZero();
    assertThat(indexes("ledgers")).contains("_id_version");
    assertThat(indexes(OutboxHints.COLLECTION)).contains("_id_n");
  }

  private List<String> indexes(String collection) {
    List<String> names = new ArrayList<>();
    for (Document index : mongo.getCollection(collection).listIndexes()) {
      names.add(index.getString("name"));
    }
    return names;
  }
}
