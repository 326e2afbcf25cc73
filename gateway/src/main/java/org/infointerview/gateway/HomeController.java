package org.infointerview.gateway;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a browser lands after signing in (and where the address bar's bare host leads): the API
 * documentation, whose "Try it out" works with the browser's session, while no web UI is deployed
 * behind the gateway ({@link WebUiRoute} takes this address when one is). Signed out, the browser
 * is sent to sign in first.
 */
@RestController
@Hidden
class HomeController {

  static final URI DOCUMENTATION = URI.create("/docs");

  @GetMapping("/")
  ResponseEntity<Void> home() {
    return ResponseEntity.status(302).location(DOCUMENTATION).build();
  }
}
