package org.infointerview.messaging.testapp;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** An aggregate whose every change is an event with a growing sequence number. */
@Document("ledgers")
public class Ledger {

  @Id private String id;
  private long entries;
  private long total;
  @Version private Long version;

  Ledger(String id) {
    this.id = id;
  }

  LedgerEntryAdded add(int amount) {
    entries++;
    total += amount;
    return new LedgerEntryAdded(id, entries, amount);
  }

  public String id() {
    return id;
  }

  public long entries() {
    return entries;
  }

  public long total() {
    return total;
  }

  public Long version() {
    return version;
  }
}
