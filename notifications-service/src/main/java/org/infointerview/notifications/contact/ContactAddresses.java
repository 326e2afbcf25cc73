package org.infointerview.notifications.contact;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Asks contacts-service, as this service's own client (client credentials, the {@code
 * infointerview.contact-mail} scope), where a message to a person goes, and records their
 * unsubscribe there. Nothing is cached: the address is asked for when a message is made and kept
 * only in that message (forgotten with the person); the token is reused until it expires.
 */
@Component
public class ContactAddresses {

  /** The client registration ({@code spring.security.oauth2.client.registration.<id>}). */
  static final String REGISTRATION = "contacts";

  /**
   * Where and how a message to the person goes, as contacts-service says.
   *
   * @param contactId the record it goes to (a merged record's survivor)
   * @param email the address; null when the record has none
   * @param displayName how to greet them
   * @param timeZone their zone, if known
   * @param linkedUserId the platform user signed in as this person, if any
   * @param mayContact false when they asked not to be contacted, or withdrew as a volunteer
   */
  public record MailAddress(
      String contactId,
      @Nullable String email,
      String displayName,
      @Nullable String timeZone,
      @Nullable String linkedUserId,
      boolean mayContact) {}

  /** contacts-service did not answer, or not as it should: try again later. */
  public static final class Unavailable extends Exception {
    Unavailable(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  private final RestClient contacts;

  ContactAddresses(
      ClientRegistrationRepository registrations,
      OAuth2AuthorizedClientService authorizedClients,
      @Value("${infointerview.contacts.url:http://localhost:8081}") String url) {
    var manager =
        new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(
        OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
    var interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
    interceptor.setClientRegistrationIdResolver(request -> REGISTRATION);
    // The service asks for itself, in no person's name.
    var self =
        new AnonymousAuthenticationToken(
            "notifications-service",
            "notifications-service",
            AuthorityUtils.createAuthorityList("ROLE_SERVICE"));
    interceptor.setPrincipalResolver(request -> self);
    // A token contacts-service refuses is forgotten, so the next try asks for a new one.
    interceptor.setAuthorizationFailureHandler(
        OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(authorizedClients));
    var requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build());
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.contacts =
        RestClient.builder()
            .baseUrl(url)
            .requestFactory(requests)
            .requestInterceptor(interceptor)
            .build();
  }

  /** Where a message to the person goes; empty when contacts-service has no such person. */
  public Optional<MailAddress> find(String contactId) throws Unavailable {
    try {
      return Optional.ofNullable(
          contacts
              .get()
              .uri("/internal/contacts/{id}/mail-address", contactId)
              .retrieve()
              .body(MailAddress.class));
    } catch (HttpClientErrorException.NotFound gone) {
      return Optional.empty();
    } catch (RestClientException | OAuth2AuthorizationException e) {
      throw unavailable(e);
    }
  }

  /** The contacts-service records a platform user is signed in as (an alumnus's own record). */
  public List<String> linkedTo(String userId) throws Unavailable {
    try {
      Linked linked =
          contacts
              .get()
              .uri(
                  uri ->
                      uri.path("/internal/contacts")
                          .queryParam("linkedUser", "{user}")
                          .build(userId))
              .retrieve()
              .body(Linked.class);
      return linked == null ? List.of() : linked.contactIds();
    } catch (RestClientException | OAuth2AuthorizationException e) {
      throw unavailable(e);
    }
  }

  record Linked(List<String> contactIds) {}

  /** Records the person's unsubscribe; false when contacts-service has no such person. */
  public boolean unsubscribe(String contactId) throws Unavailable {
    try {
      contacts
          .post()
          .uri("/internal/contacts/{id}/unsubscribe", contactId)
          .retrieve()
          .toBodilessEntity();
      return true;
    } catch (HttpClientErrorException.NotFound gone) {
      return false;
    } catch (RestClientException | OAuth2AuthorizationException e) {
      throw unavailable(e);
    }
  }

  private static Unavailable unavailable(Exception e) {
    if (e instanceof RestClientResponseException answered) {
      HttpStatus status = HttpStatus.resolve(answered.getStatusCode().value());
      String said =
          status == null ? String.valueOf(answered.getStatusCode().value()) : status.toString();
      return new Unavailable(
          answered.getStatusCode().value() == 401 || answered.getStatusCode().value() == 403
              ? "contacts-service refused this service's token ("
                  + said
                  + "): check its client"
                  + " and scope."
              : "contacts-service answered " + said + ".",
          e);
    }
    if (e instanceof OAuth2AuthorizationException refused) {
      return new Unavailable(
          "The identity provider gave this service no token for contacts-service: "
              + refused.getError().getErrorCode()
              + ".",
          e);
    }
    return new Unavailable("contacts-service could not be reached: " + e.getMessage(), e);
  }
}
