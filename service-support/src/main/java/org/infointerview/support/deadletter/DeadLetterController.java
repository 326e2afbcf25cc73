package org.infointerview.support.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.infointerview.support.audit.AuditLog;
import org.infointerview.support.problem.InvalidFieldException;
import org.infointerview.support.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Admins list the events this service's consumers gave up on and re-drive chosen ones after a fix;
 * every re-drive is audited.
 */
@RestController
@Validated
class DeadLetterController {

  /** Records read from each partition of a dead-letter topic, at most, per listing. */
  private static final int SCAN = 5_000;

  private final DeadLetters deadLetters;
  private final AuditLog audit;

  DeadLetterController(DeadLetters deadLetters, AuditLog audit) {
    this.deadLetters = deadLetters;
    this.audit = audit;
  }

  record DeadLettersResponse(List<String> topics, List<DeadLetter> deadLetters) {}

  @GetMapping("/dead-letters")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary = "Events this service's consumers gave up on",
      description =
          "Oldest first, with the consumer group that failed and the error it recorded (the event's"
              + " data is not shown). Without a topic, every dead-letter topic of this service.")
  DeadLettersResponse list(
      @RequestParam(required = false) @Size(max = 200) @Nullable String topic,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    List<String> topics = deadLetters.deadLetterTopics();
    if (topic != null && !topics.contains(topic)) {
      throw new InvalidFieldException(
          "topic",
          "is not a dead-letter topic of this service; it has " + String.join(", ", topics));
    }
    List<DeadLetter> found = new ArrayList<>();
    try {
      for (String each : topic == null ? topics : List.of(topic)) {
        if (found.size() < limit) {
          found.addAll(deadLetters.list(each, limit - found.size(), SCAN));
        }
      }
    } catch (KafkaException e) {
      throw kafkaAway(e);
    }
    return new DeadLettersResponse(topics, found);
  }

  record RedriveRequest(@NotEmpty @Size(max = 100) List<@Size(max = 240) String> ids) {}

  record RedriveResponse(Map<String, DeadLetters.Outcome> outcomes) {}

  @PostMapping("/dead-letters/redrive")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary = "Send dead letters back to their topics",
      description =
          "Each named dead letter goes back to the topic it came from once (naming it again says"
              + " ALREADY_REDRIVEN); consumers that had handled the event skip it.")
  RedriveResponse redrive(CurrentUser actor, @Valid @RequestBody RedriveRequest request) {
    for (int i = 0; i < request.ids().size(); i++) {
      String id = request.ids().get(i);
      if (id == null || !deadLetters.isValidId(id)) {
        throw new InvalidFieldException(
            "ids[" + i + "]",
            "is not a dead letter of this service: name it as the listing does,"
                + " <dead-letter topic>:<partition>:<offset>");
      }
    }
    Map<String, DeadLetters.Outcome> outcomes;
    try {
      outcomes = deadLetters.redrive(request.ids(), actor.id());
    } catch (KafkaException | IllegalStateException e) {
      throw kafkaAway(e);
    }
    outcomes.forEach(
        (id, outcome) -> {
          if (outcome == DeadLetters.Outcome.REDRIVEN) {
            audit.record(actor, "DEAD_LETTER_REDRIVEN", "DeadLetter", id, null, "after a fix");
          }
        });
    return new RedriveResponse(outcomes);
  }

  private static ResponseStatusException kafkaAway(RuntimeException cause) {
    return new ResponseStatusException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Kafka did not answer in time. Try again in a minute: a dead letter already sent again is"
            + " not sent twice.",
        cause);
  }
}
