package org.infointerview.notifications.inbox;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live inbox updates over Server-Sent Events: each open stream gets the person's unread count at
 * once and again whenever their inbox changes (an entry added or read, on any instance: every few
 * seconds the revisions of the connected people's inboxes are read in one query), with the newest
 * entry; a comment every few seconds keeps idle connections open through proxies (the gateway ends
 * a call that sends nothing for its route timeout, 10 s). A stream ends after a while and the
 * browser's EventSource reconnects. At most a few streams per person and a bounded number per
 * instance.
 */
@Component
class InboxStreams implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboxStreams.class);

  /** Streams one person may hold open at once (tabs, devices). */
  static final int PER_PERSON = 5;

  private record Stream(SseEmitter emitter, String userId) {}

  private final Inbox inbox;
  private final Duration checkEvery;
  private final Duration keepAliveEvery;
  private final Duration lifetime;
  private final int perInstance;
  private final Map<String, Set<Stream>> byPerson = new ConcurrentHashMap<>();
  private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();
  private @Nullable ScheduledExecutorService ticker;
  private long ticks;

  InboxStreams(
      Inbox inbox,
      @Value("${infointerview.inbox.stream-check-every:2s}") Duration checkEvery,
      @Value("${infointerview.inbox.stream-keep-alive-every:5s}") Duration keepAliveEvery,
      @Value("${infointerview.inbox.stream-lifetime:30m}") Duration lifetime,
      @Value("${infointerview.inbox.streams-per-instance:2000}") int perInstance) {
    this.inbox = inbox;
    this.checkEvery = checkEvery;
    this.keepAliveEvery = keepAliveEvery;
    this.lifetime = lifetime;
    this.perInstance = perInstance;
  }

  /** A new stream for the person, told their unread count at once. */
  SseEmitter open(String userId) {
    Set<Stream> theirs = byPerson.computeIfAbsent(userId, u -> new CopyOnWriteArraySet<>());
    if (theirs.size() >= PER_PERSON) {
      throw new ResponseStatusException(
          HttpStatus.TOO_MANY_REQUESTS,
          "You have "
              + PER_PERSON
              + " live inbox connections open already; close a tab or window and try again.");
    }
    if (open.get() >= perInstance) {
      throw new ResponseStatusException(
          HttpStatus.TOO_MANY_REQUESTS,
          "This server holds all the live connections it can; try again soon.");
    }
    SseEmitter emitter = new SseEmitter(lifetime.toMillis());
    Stream stream = new Stream(emitter, userId);
    theirs.add(stream);
    open.incrementAndGet();
    Runnable gone = () -> close(stream);
    emitter.onCompletion(gone);
    emitter.onTimeout(gone);
    emitter.onError(e -> gone.run());
    lastSeen.putIfAbsent(userId, inbox.revisions(List.of(userId)).getOrDefault(userId, 0L));
    send(stream, inbox.unread(userId), null);
    return emitter;
  }

  private void close(Stream stream) {
    Set<Stream> theirs = byPerson.get(stream.userId());
    if (theirs != null && theirs.remove(stream)) {
      open.decrementAndGet();
      if (theirs.isEmpty()) {
        byPerson.remove(stream.userId(), theirs);
        lastSeen.remove(stream.userId());
      }
    }
  }

  /** Tells every stream of each person whose inbox moved on since the last look. */
  void tick() {
    ticks++;
    if (!byPerson.isEmpty()) {
      List<String> connected = List.copyOf(byPerson.keySet());
      Map<String, Long> revisions = inbox.revisions(connected);
      for (String userId : connected) {
        // no index yet: revision 0, the one a person without entries has
        long revision = revisions.getOrDefault(userId, 0L);
        Long before = lastSeen.put(userId, revision);
        if (before != null && before != revision) {
          tellChanged(userId);
        }
      }
    }
    long every = Math.max(1, keepAliveEvery.toMillis() / Math.max(1, checkEvery.toMillis()));
    if (ticks % every == 0) {
      byPerson.values().forEach(streams -> streams.forEach(this::keepAlive));
    }
  }

  private void tellChanged(String userId) {
    Set<Stream> theirs = byPerson.get(userId);
    if (theirs == null || theirs.isEmpty()) {
      return;
    }
    long unread = inbox.unread(userId);
    InboxEntry newest = inbox.newestEntry(userId).orElse(null);
    theirs.forEach(stream -> send(stream, unread, newest));
  }

  private void send(Stream stream, long unread, @Nullable InboxEntry newest) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("unread", unread);
    data.put("newest", newest);
    try {
      stream
          .emitter()
          .send(SseEmitter.event().name("inbox").data(data, MediaType.APPLICATION_JSON));
    } catch (IOException | IllegalStateException gone) {
      close(stream);
    }
  }

  private void keepAlive(Stream stream) {
    try {
      stream.emitter().send(SseEmitter.event().comment("keep-alive"));
    } catch (IOException | IllegalStateException gone) {
      close(stream);
    }
  }

  /** Open streams on this instance (for tests and metrics). */
  int open() {
    return open.get();
  }

  @Override
  public void start() {
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "inbox-streams");
              thread.setDaemon(true);
              return thread;
            });
    long every = checkEvery.toMillis();
    started.scheduleWithFixedDelay(
        () -> {
          try {
            tick();
          } catch (RuntimeException e) {
            log.warn("Live inbox check failed: {}", e.toString());
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
    ticker = started;
  }

  @Override
  public void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    byPerson.values().forEach(streams -> streams.forEach(s -> s.emitter().complete()));
  }

  @Override
  public boolean isRunning() {
    return ticker != null;
  }
}
