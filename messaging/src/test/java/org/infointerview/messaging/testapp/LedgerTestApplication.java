package org.infointerview.messaging.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small service that exercises the messaging module as a real one does: an aggregate stored with
 * its events through the outbox, an HTTP endpoint, and a listener whose effect is deliberately not
 * idempotent by itself, so duplicates would show.
 */
@SpringBootApplication
public class LedgerTestApplication {}
