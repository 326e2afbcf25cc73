package org.infointerview.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging support every service shares.
 *
 * @param source the CloudEvents {@code source} of what this service publishes, such as {@code
 *     /contacts-service}
 * @param partitions partitions of every topic this service creates (and of each dead-letter twin)
 * @param topics topics this service publishes to or consumes; each is created with its {@code -dlt}
 *     twin
 * @param outboxCollections MongoDB collections whose documents carry pending events
 * @param relay how the outbox relay runs
 * @param consumer how consumers retry before dead-lettering
 */
@ConfigurationProperties("infointerview.messaging")
public record MessagingProperties(
    String source,
    @DefaultValue("3") int partitions,
    @DefaultValue List<String> topics,
    @DefaultValue List<String> outboxCollections,
    @DefaultValue Relay relay,
    @DefaultValue Consumer consumer) {

  /**
   * @param pollInterval how often the relay looks for pending events when nobody wakes it
   * @param lease how long a claimed document stays with one relay instance; a relay that dies
   *     releases its claims when the lease runs out
   * @param sendTimeout how long the relay waits for the broker to acknowledge a document's events
   * @param batchSize documents claimed per round
   * @param sweepInterval how often the relay also searches whole collections, for events whose hint
   *     a crash lost (also once at start); a search the embedded store can only answer by reading
   *     every document, so not often
   * @param abandonAfter how long a batch of new aggregates' events may stay open before the relay
   *     takes it for abandoned by a writer that died, and sends the events of those that exist
   */
  public record Relay(
      @DefaultValue("500ms") Duration pollInterval,
      @DefaultValue("30s") Duration lease,
      @DefaultValue("10s") Duration sendTimeout,
      @DefaultValue("100") int batchSize,
      @DefaultValue("10m") Duration sweepInterval,
      @DefaultValue("2m") Duration abandonAfter) {}

  /**
   * @param retries attempts after the first before a record goes to the dead-letter topic
   * @param initialBackoff pause before the first retry; it doubles each time
   * @param maxBackoff the longest pause between retries
   */
  public record Consumer(
      @DefaultValue("3") int retries,
      @DefaultValue("200ms") Duration initialBackoff,
      @DefaultValue("2s") Duration maxBackoff) {}
}
