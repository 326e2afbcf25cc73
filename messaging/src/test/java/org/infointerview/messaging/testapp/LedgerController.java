package org.infointerview.messaging.testapp;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LedgerController {

  private final LedgerService ledgers;

  LedgerController(LedgerService ledgers) {
    this.ledgers = ledgers;
  }

  record AddEntryRequest(int amount) {}

  record LedgerResponse(String id, long entries, long total) {}

  @PostMapping("/ledgers/{id}/entries")
  @ResponseStatus(HttpStatus.CREATED)
  LedgerResponse add(@PathVariable String id, @RequestBody AddEntryRequest request) {
    Ledger ledger = ledgers.add(id, request.amount());
    return new LedgerResponse(ledger.id(), ledger.entries(), ledger.total());
  }
}
