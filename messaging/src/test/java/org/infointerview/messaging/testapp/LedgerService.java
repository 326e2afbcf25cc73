package org.infointerview.messaging.testapp;

import java.util.List;
import org.infointerview.messaging.outbox.AggregateStore;
import org.infointerview.messaging.outbox.Outbox;
import org.infointerview.messaging.outbox.OutboxEntry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

@Service
public class LedgerService {

  private final MongoTemplate mongo;
  private final AggregateStore store;
  private final Outbox outbox;

  LedgerService(MongoTemplate mongo, AggregateStore store, Outbox outbox) {
    this.mongo = mongo;
    this.store = store;
    this.outbox = outbox;
  }

  /** Adds an entry, opening the ledger on first use; retries when another write won the race. */
  public Ledger add(String ledgerId, int amount) {
    for (int attempt = 0; ; attempt++) {
      try {
        Ledger ledger = mongo.findById(ledgerId, Ledger.class);
        boolean opening = ledger == null;
        if (opening) {
          ledger = new Ledger(ledgerId);
        }
        LedgerEntryAdded event = ledger.add(amount);
        List<OutboxEntry> events =
            List.of(
                outbox.entry(LedgerEntryAdded.TOPIC, LedgerEntryAdded.TYPE, 1, ledgerId, event));
        return opening ? store.insert(ledger, events) : store.update(ledger, events);
      } catch (OptimisticLockingFailureException | DuplicateKeyException e) {
        if (attempt >= 10) {
          throw e;
        }
      }
    }
  }
}
