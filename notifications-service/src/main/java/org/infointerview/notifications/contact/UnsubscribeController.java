package org.infointerview.notifications.contact;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The unsubscribe link of a mail, open without an account (the token is the credential; the gateway
 * lets exactly this address through, rate-limited). {@code GET} asks (a link scanner that follows
 * it changes nothing); {@code POST} does it: the one-click unsubscribe of RFC 8058, which a mail
 * client posts with {@code List-Unsubscribe=One-Click}, or the page's button.
 */
@Controller
@RequestMapping("/unsubscribe/{token}")
class UnsubscribeController {

  private final Unsubscribes unsubscribes;

  UnsubscribeController(Unsubscribes unsubscribes) {
    this.unsubscribes = unsubscribes;
  }

  @GetMapping
  String ask(@PathVariable String token) {
    unsubscribes.usable(token);
    return "unsubscribe";
  }

  @PostMapping
  Object unsubscribe(@PathVariable String token) {
    try {
      unsubscribes.unsubscribe(token);
    } catch (ContactAddresses.Unavailable e) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.SERVICE_UNAVAILABLE,
              "Your unsubscribe could not be recorded just now; nothing changed. Please try again"
                  + " in a few minutes.");
      problem.setTitle("Service Unavailable");
      problem.setType(URI.create("about:blank"));
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "120")
          .body(problem);
    }
    return "unsubscribed";
  }
}
