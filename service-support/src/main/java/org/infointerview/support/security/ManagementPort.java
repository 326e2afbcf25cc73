package org.infointerview.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The actuator's own port ({@code management.server.port}), once its server has started: the
 * requests that arrive there. It is meant for scrapers and operators on a private network (bound to
 * the loopback address unless {@code MANAGEMENT_ADDRESS} says otherwise) and takes no token; the
 * API port serves only {@code /livez} and {@code /readyz} of the actuator. When the management port
 * is the API port, nothing matches and the actuator is behind the API's security.
 */
public final class ManagementPort
    implements RequestMatcher, ApplicationListener<WebServerInitializedEvent> {

  private volatile int port = -1;

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if ("management"
        .equals(WebServerApplicationContext.getServerNamespace(event.getApplicationContext()))) {
      port = event.getWebServer().getPort();
    }
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    return port > 0 && request.getLocalPort() == port;
  }
}
