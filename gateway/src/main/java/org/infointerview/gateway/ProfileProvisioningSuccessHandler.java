package org.infointerview.gateway;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * When a browser has signed in, asks contacts-service for the person's profile ({@code GET /me})
 * with their new access token, so the profile is provisioned at first sign-in and refreshed at
 * every sign-in (new roles, a new name), and the other services hear of it
 * (UserProfileProvisioned). The call is made beside the sign-in, not in its way: the browser is
 * sent on at once, whether contacts-service answers in a millisecond, in five seconds or never. A
 * sign-in whose call fails or finds the queue full still succeeds; the profile is then provisioned
 * by the person's first call to {@code /me}, which every page of the web UI makes. A few calls at a
 * time (two threads, a queue of 200), so a slow contacts-service cannot pile up threads here.
 */
class ProfileProvisioningSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

  private static final Logger log =
      LoggerFactory.getLogger(ProfileProvisioningSuccessHandler.class);

  private final OAuth2AuthorizedClientRepository clients;
  private final RestClient contacts;
  private final ThreadPoolExecutor calls =
      new ThreadPoolExecutor(
          2,
          2,
          30,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(200),
          call -> {
            Thread thread = new Thread(call, "profile-provisioning");
            thread.setDaemon(true);
            return thread;
          },
          (call, pool) ->
              log.warn("Profile not provisioned at sign-in: too many sign-ins at once"));

  ProfileProvisioningSuccessHandler(OAuth2AuthorizedClientRepository clients, String contactsUri) {
    this.clients = clients;
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
    requests.setReadTimeout(Duration.ofSeconds(5));
    this.contacts = RestClient.builder().baseUrl(contactsUri).requestFactory(requests).build();
    setDefaultTargetUrl("/");
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws ServletException, IOException {
    if (authentication instanceof OAuth2AuthenticationToken signedIn) {
      OAuth2AuthorizedClient client =
          clients.loadAuthorizedClient(
              signedIn.getAuthorizedClientRegistrationId(), signedIn, request);
      if (client != null) {
        String token = client.getAccessToken().getTokenValue();
        calls.execute(() -> provision(token));
      }
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }

  private void provision(String accessToken) {
    try {
      contacts
          .get()
          .uri("/me")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
          .retrieve()
          .toBodilessEntity();
    } catch (RestClientException e) {
      log.warn("Profile not provisioned at sign-in (contacts-service: {})", e.getMessage());
    }
  }
}
