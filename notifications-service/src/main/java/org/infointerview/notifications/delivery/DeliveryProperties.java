package org.infointerview.notifications.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fromAddress the platform's sending address
 * @param fromName the name mail shows as its sender
 * @param publicUrl where people open the platform (links in mail)
 * @param mostAttempts tries before a message is given up (FAILED)
 * @param firstRetryAfter the pause after the first failed try; it doubles each time
 * @param longestRetryAfter the longest pause between tries
 * @param pollEvery how often queued messages whose time came are looked for
 * @param lease how long one instance keeps a message it is sending from the others
 * @param sendRate how many mails the sending mailbox may hand the server per {@code ratePeriod},
 *     across every instance (providers cap it, such as 30 a minute); 0 for no limit. Mails over it
 *     wait their turn, none is dropped
 * @param ratePeriod the period {@code sendRate} counts over
 * @param consumers consumers per instance of the interview events that make mail (each a partition
 *     or more of the topic, so at most its partitions count): while one waits on the store or the
 *     mail server, the others work
 * @param senders threads per instance that send the queued messages whose time came (reminders,
 *     retries), each over a kept connection of its own
 */
@ConfigurationProperties("infointerview.delivery")
record DeliveryProperties(
    @DefaultValue("no-reply@infointerview.local") String fromAddress,
    @DefaultValue("InfoInterview") String fromName,
    @DefaultValue("http://localhost:8080") String publicUrl,
    @DefaultValue("10") int mostAttempts,
    @DefaultValue("2s") Duration firstRetryAfter,
    @DefaultValue("5m") Duration longestRetryAfter,
    @DefaultValue("1s") Duration pollEvery,
    @DefaultValue("1m") Duration lease,
    @DefaultValue("0") int sendRate,
    @DefaultValue("1m") Duration ratePeriod,
    @DefaultValue("3") int consumers,
    @DefaultValue("3") int senders) {}
