package org.infointerview.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's browser sign-in at the university's OIDC provider, configured endpoint by endpoint
 * so that the browser-facing addresses and the back-channel addresses may differ (as they do when
 * the provider runs beside the gateway in containers) and nothing is fetched at start-up.
 *
 * @param issuer the issuer the ID token must name
 * @param clientId the gateway's client id
 * @param clientSecret the gateway's client secret
 * @param scopes the scopes asked for
 * @param authorizationUri where the browser signs in
 * @param tokenUri where the gateway exchanges the code (back channel)
 * @param jwkSetUri where the provider's keys are (back channel)
 * @param userInfoUri the user-info endpoint (back channel)
 * @param endSessionUri where the browser is sent to sign out at the provider
 */
@ConfigurationProperties("infointerview.sign-in")
public record SignInProperties(
    String issuer,
    String clientId,
    String clientSecret,
    @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
    String authorizationUri,
    String tokenUri,
    String jwkSetUri,
    String userInfoUri,
    String endSessionUri) {}
