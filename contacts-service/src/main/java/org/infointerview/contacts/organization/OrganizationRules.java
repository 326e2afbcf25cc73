package org.infointerview.contacts.organization;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.infointerview.contacts.careerfield.CareerFieldCatalog;
import org.infointerview.contacts.contact.ContactRules;
import org.infointerview.support.problem.FieldError;
import org.infointerview.support.problem.InvalidFieldException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What an organization may hold: a name, a website (http or https) and a domain that agree with
 * each other (the domain is taken from the website when not given), an industry of the taxonomy, a
 * location and a size.
 */
@Component
class OrganizationRules {

  private static final int MAX_NAME = 200;
  private static final Pattern DOMAIN =
      Pattern.compile("(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{1,62}");

  private final CareerFieldCatalog careerFields;

  OrganizationRules(CareerFieldCatalog careerFields) {
    this.careerFields = careerFields;
  }

  /**
   * @throws InvalidFieldException naming every broken rule
   */
  OrganizationDetails check(OrganizationRequest request) {
    List<FieldError> errors = new ArrayList<>();
    String name = ContactRules.text(errors, "name", request.name(), MAX_NAME, true);
    if (name != null && OrganizationNames.key(name).isEmpty()) {
      errors.add(new FieldError("name", "must contain a letter or digit"));
    }
    String website = ContactRules.text(errors, "website", request.website(), 500, false);
    String websiteHost = website == null ? null : websiteHost(errors, website);
    String domain = null;
    String domainText = ContactRules.text(errors, "domain", request.domain(), 253, false);
    if (domainText != null) {
      domain = domain(domainText);
      if (domain == null) {
        errors.add(new FieldError("domain", "must be a domain name such as example.com"));
      }
    } else if (websiteHost != null) {
      domain = domain(websiteHost);
    }
    if (domain != null
        && websiteHost != null
        && domainText != null
        && !(websiteHost.equals(domain) || websiteHost.endsWith("." + domain))) {
      errors.add(new FieldError("website", "is not on the domain " + domain));
    }
    String industry = null;
    String industryText = ContactRules.text(errors, "industry", request.industry(), 200, false);
    if (industryText != null) {
      industry = careerFields.snapshot().code(industryText, CareerFieldCatalog.Kind.INDUSTRY);
      if (industry == null) {
        errors.add(new FieldError("industry", "is not an industry of the taxonomy"));
      }
    }
    String city = ContactRules.text(errors, "city", request.city(), MAX_NAME, false);
    String region = ContactRules.text(errors, "region", request.region(), MAX_NAME, false);
    String country = ContactRules.country(errors, request.country());
    if (!errors.isEmpty()) {
      throw new InvalidFieldException(errors);
    }
    return new OrganizationDetails(
        Objects.requireNonNull(name),
        domain,
        website,
        industry,
        city,
        region,
        country,
        request.size());
  }

  private static @Nullable String websiteHost(List<FieldError> errors, String website) {
    try {
      URI uri = new URI(website);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && uri.getRawUserInfo() == null) {
        String host = domain(uri.getHost());
        if (host != null) {
          return host;
        }
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    errors.add(
        new FieldError("website", "must be an http or https address such as https://example.com"));
    return null;
  }

  /** A domain in lower-case ASCII (internationalized names in punycode), without www. */
  static @Nullable String domain(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.endsWith(".")) {
      value = value.substring(0, value.length() - 1);
    }
    try {
      value = IDN.toASCII(value, IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (value.startsWith("www.") && value.indexOf('.', 4) > 0) {
      value = value.substring(4);
    }
    return DOMAIN.matcher(value).matches() ? value : null;
  }
}
