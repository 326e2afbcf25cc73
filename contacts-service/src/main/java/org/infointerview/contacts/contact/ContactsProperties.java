package org.infointerview.contacts.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultPhoneRegion the ISO country whose numbers may be written without a country code
 */
@ConfigurationProperties("infointerview.contacts")
public record ContactsProperties(@DefaultValue("US") String defaultPhoneRegion) {}
