package org.infointerview.notifications.inbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.infointerview.support.security.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A person's own inbox; nobody else's is reachable (another's entry is a 404). */
@RestController
@RequestMapping("/me/inbox")
@PreAuthorize("isAuthenticated()")
@Validated
class InboxController {

  private final Inbox inbox;
  private final InboxStreams streams;

  InboxController(Inbox inbox, InboxStreams streams) {
    this.inbox = inbox;
    this.streams = streams;
  }

  /**
   * Live updates (Server-Sent Events, {@code event: inbox}, data {@code {unread, newest}}): at
   * once, then whenever the inbox changes; 429 past {@value InboxStreams#PER_PERSON} at once.
   */
  @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(CurrentUser me) {
    return streams.open(me.id());
  }

  @GetMapping
  List<InboxEntry> page(
      CurrentUser me,
      @RequestParam(defaultValue = "0") @Min(0) @Max(1_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return inbox.page(me.id(), page, size);
  }

  @GetMapping("/unread-count")
  Map<String, Long> unread(CurrentUser me) {
    return Map.of("unread", inbox.unread(me.id()));
  }

  @PostMapping("/{id}/read")
  InboxEntry read(CurrentUser me, @PathVariable String id) {
    return inbox.read(me.id(), id);
  }

  @PostMapping("/read-all")
  Map<String, Long> readAll(CurrentUser me) {
    return Map.of("marked", inbox.readAll(me.id()));
  }
}
