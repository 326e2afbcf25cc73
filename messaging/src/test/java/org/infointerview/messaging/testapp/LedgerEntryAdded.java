package org.infointerview.messaging.testapp;

/** The test event: the ledger's sequence number grows by one with each entry. */
public record LedgerEntryAdded(String ledgerId, long sequence, int amount) {

  public static final String TOPIC = "ledger.events";
  public static final String TYPE = "LedgerEntryAdded";

  /** An amount the projection refuses, to prove failing records reach the dead-letter topic. */
  public static final int REFUSED_AMOUNT = -999;
}
