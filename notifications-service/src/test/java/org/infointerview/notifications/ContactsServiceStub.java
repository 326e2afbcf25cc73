package org.infointerview.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * contacts-service's {@code /internal} API as notifications-service's tests see it: one stand-in
 * per test JVM, where a test says who a contact is ({@link #person}) and reads what was asked.
 */
public final class ContactsServiceStub {

  /** The stand-in; tests add their own stubs for odd answers (503, 404). */
  public static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static {
    SERVER.start();
    Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "contacts-stub-stop"));
  }

  private ContactsServiceStub() {}

  /** Points the application under test at the stand-in. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("infointerview.contacts.url", SERVER::baseUrl);
  }

  /** contacts-service answers for this person. */
  public static void person(
      String contactId,
      @Nullable String address,
      String name,
      @Nullable String zone,
      boolean mayContact) {
    SERVER.stubFor(
        get(urlEqualTo(addressPath(contactId)))
            .willReturn(okJson(addressJson(contactId, address, name, zone, mayContact))));
  }

  /** The answer about a person, as contacts-service gives it. */
  public static String addressJson(
      String contactId,
      @Nullable String address,
      String name,
      @Nullable String zone,
      boolean mayContact) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contactId", contactId);
    body.put("email", address);
    body.put("displayName", name);
    body.put("timeZone", zone);
    body.put("linkedUserId", null);
    body.put("mayContact", mayContact);
    return JSON.writeValueAsString(body);
  }

  public static String addressPath(String contactId) {
    return "/internal/contacts/" + contactId + "/mail-address";
  }

  public static String unsubscribePath(String contactId) {
    return "/internal/contacts/" + contactId + "/unsubscribe";
  }

  /** How often the person's unsubscribe was recorded. */
  public static int unsubscribes(String contactId) {
    return SERVER.findAll(postRequestedFor(urlEqualTo(unsubscribePath(contactId)))).size();
  }
}
