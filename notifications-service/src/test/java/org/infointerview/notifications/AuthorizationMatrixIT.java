package org.infointerview.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.infointerview.notifications.calendar.CalendarFeeds;
import org.infointerview.notifications.contact.UnsubscribeLinks;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.inbox.Inbox;
import org.infointerview.testinfra.AuthorizationMatrix;
import org.infointerview.testinfra.AuthorizationMatrixTestSupport;
import org.infointerview.testinfra.InfrastructureTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Runs every row of {@code authorization-matrix.csv} against the real service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@InfrastructureTest
class AuthorizationMatrixIT extends AuthorizationMatrixTestSupport {

  @Autowired UnsubscribeLinks unsubscribeLinks;
  @Autowired CalendarFeeds feeds;
  @Autowired MongoTemplate mongo;

  @Autowired Deliveries deliveries;
  @Autowired Inbox inbox;

  /** An inbox row: the owner (the caller for own, someone else otherwise) has a message there. */
  private void checkInbox(AuthorizationMatrix.Row row) {
    String caller = "caller-" + UUID.randomUUID();
    String owner = "own".equals(row.resource()) ? caller : "owner-" + UUID.randomUUID();
    String id = UUID.randomUUID().toString().replace("-", "");
    inbox.add(id, IDP.userId(owner), "MATRIX", "Matrix", "Matrix message");
    if (row.path().endsWith("/stream")) {
      checkStream(row, caller);
      return;
    }

    HttpResponse<String> response =
        api()
            .send(
                row.method(),
                row.path().replace("{id}", id),
                tokenFor(row, caller),
                null,
                Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.expected() == 404) {
      assertThat(response.body()).doesNotContain("Matrix message");
    }
  }

  /** A live stream's row: the status it opens with (the stream itself is closed at once). */
  private void checkStream(AuthorizationMatrix.Row row, String caller) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + row.path()))
            .header("Accept", "text/event-stream");
    String token = tokenFor(row, caller);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<InputStream> response =
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      response.body().close();
      assertThat(response.statusCode()).as(row.toString()).isEqualTo(row.expected());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A delivery-log row: a message that failed (an address that is not one) is there to see. */
  private void checkDeliveryLog(AuthorizationMatrix.Row row) {
    String eventId = UUID.randomUUID().toString();
    deliveries.queue(
        new Deliveries.Message(
            "MATRIX",
            eventId,
            "user-" + eventId,
            "not an address",
            null,
            new MailTemplates.Rendered("Matrix", "Matrix", "<p>Matrix</p>")));
    String handle = Deliveries.handle("MATRIX|" + eventId + "|user-" + eventId);
    String path =
        row.path().equals("/deliveries")
            ? "/deliveries?status=FAILED"
            : row.path().replace("{handle}", handle);

    HttpResponse<String> response =
        api()
            .send(row.method(), path, tokenFor(row, "caller-" + UUID.randomUUID()), null, Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
  }

  /** An unsubscribe row: a link this service issued, or one changed in its last character. */
  private void checkUnsubscribe(AuthorizationMatrix.Row row) {
    String link = unsubscribeLinks.issue(new ObjectId().toHexString());
    String token = link.substring(link.lastIndexOf('/') + 1);
    if ("forged".equals(row.resource())) {
      token = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
    }

    HttpResponse<String> response =
        api()
            .send(
                row.method(),
                "/unsubscribe/" + token,
                tokenFor(row, "caller-" + UUID.randomUUID()),
                null,
                Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
  }

  /** A calendar-feed row: the caller's own feed made first (own), or a feed's address (link). */
  private void checkCalendar(AuthorizationMatrix.Row row) {
    String caller = "caller-" + UUID.randomUUID();
    String path = row.path();
    if ("own".equals(row.resource())) {
      feeds.create(IDP.userId(caller));
    }
    if (path.contains("{token}")) {
      String url = feeds.create(IDP.userId("owner-" + UUID.randomUUID())).url();
      String token = url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
      path = path.replace("{token}", "forged".equals(row.resource()) ? "A".repeat(43) : token);
    }

    HttpResponse<String> response =
        api().send(row.method(), path, tokenFor(row, caller), null, Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
  }

  @Override
  protected void check(AuthorizationMatrix.Row row) {
    if (row.path().startsWith("/dead-letters")) {
      checkDeadLetters(row);
      return;
    }
    if (row.path().startsWith("/me/calendar-feed") || row.path().startsWith("/calendar/")) {
      checkCalendar(row);
      return;
    }
    if (row.path().startsWith("/unsubscribe")) {
      checkUnsubscribe(row);
      return;
    }
    if (row.path().startsWith("/deliveries")) {
      checkDeliveryLog(row);
      return;
    }
    if (row.path().startsWith("/me/inbox")) {
      checkInbox(row);
      return;
    }
    String caller = "caller-" + UUID.randomUUID();
    String token = tokenFor(row, caller);
    String body =
        row.writes()
            ? "{\"emailReminders\": false, \"inAppReminders\": true, \"timeZone\": \"UTC\"}"
            : null;

    HttpResponse<String> response = api().send(row.method(), row.path(), token, body, Map.of());

    assertThat(response.statusCode()).as(row + ": " + response.body()).isEqualTo(row.expected());
    if (row.writes() && row.expected() >= 400) {
      assertThat(mongo.findById(IDP.userId(caller), Document.class, "notification_preferences"))
          .as("stored after a denied " + row)
          .isNull();
    }
  }
}
