package org.infointerview.gateway;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
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
 * every sign-in. If contacts-service does not answer, sign-in still succeeds; the profile is then
 * provisioned by the person's first call to {@code /me}.
 */
class ProfileProvisioningSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

  private static final Logger log =
      LoggerFactory.getLogger(ProfileProvisioningSuccessHandler.class);

  private final OAuth2AuthorizedClientRepository clients;
  private final RestClient contacts;

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
        try {
          contacts
              .get()
              .uri("/me")
              .header(
                  HttpHeaders.AUTHORIZATION, "Bearer " + client.getAccessToken().getTokenValue())
              .retrieve()
              .toBodilessEntity();
        } catch (RestClientException e) {
          log.warn("Profile not provisioned at sign-in (contacts-service: {})", e.getMessage());
        }
      }
    }
    super.onAuthenticationSuccess(request, response, authentication);
  }
}
