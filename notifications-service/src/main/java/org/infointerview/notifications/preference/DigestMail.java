package org.infointerview.notifications.preference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.infointerview.notifications.delivery.Deliveries;
import org.infointerview.notifications.delivery.Delivery;
import org.infointerview.notifications.delivery.DeliveryStatus;
import org.infointerview.notifications.delivery.MailTemplates;
import org.infointerview.notifications.delivery.MessagePreparer;
import org.infointerview.notifications.recipient.Recipient;
import org.infointerview.notifications.recipient.Recipients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.NoSuchMessageException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.thymeleaf.exceptions.TemplateEngineException;

/**
 * The daily digest, made at its time from what was gathered into it: each message's subject and
 * words, in the person's language, as one mail.
 */
@Component
class DigestMail implements MessagePreparer {

  private final MongoTemplate mongo;
  private final Recipients recipients;
  private final Preferences preferences;
  private final MailTemplates templates;
  private final String publicUrl;

  DigestMail(
      MongoTemplate mongo,
      Recipients recipients,
      Preferences preferences,
      MailTemplates templates,
      @Value("${infointerview.delivery.public-url:http://localhost:8080}") String publicUrl) {
    this.mongo = mongo;
    this.recipients = recipients;
    this.preferences = preferences;
    this.templates = templates;
    this.publicUrl = publicUrl;
  }

  @Override
  public String kind() {
    return Deliveries.DIGEST;
  }

  @Override
  public Outcome prepare(String userId, String digestId) {
    List<Delivery> gathered = gathered(digestId);
    if (gathered.isEmpty()) {
      return new Dropped("Nothing was gathered into this digest.");
    }
    Recipient person = recipients.find(userId).orElse(null);
    if (person == null || person.email() == null) {
      return new Failed("The person's profile has not reached notifications-service; no address.");
    }
    Preferences.ForMail reads = preferences.forMail(userId, person.zone());
    List<Map<String, String>> items =
        gathered.stream().map(d -> Map.of("subject", d.subject(), "text", d.text())).toList();
    Map<String, Object> values = new HashMap<>();
    values.put("readerName", person.displayName());
    values.put("items", items);
    values.put("link", publicUrl);
    MailTemplates.Rendered content;
    try {
      content = templates.render("digest", reads.locale(), values, items.size());
    } catch (TemplateEngineException | NoSuchMessageException e) {
      return new Failed("The template failed: " + e.getMessage());
    }
    return new Ready(person.email(), person.displayName(), content, null, null, null);
  }

  /** The messages gathered into a digest, in the order they were gathered. */
  private List<Delivery> gathered(String digestId) {
    Document digest = mongo.findById(digestId, Document.class, Deliveries.DIGESTS);
    if (digest == null) {
      return List.of();
    }
    List<String> ids = digest.getList("ids", String.class, List.of());
    Map<String, Delivery> byId =
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Delivery.class).stream()
            .filter(d -> d.status() == DeliveryStatus.IN_DIGEST)
            .collect(Collectors.toMap(Delivery::id, Function.identity()));
    return ids.stream().filter(byId::containsKey).map(byId::get).toList();
  }
}
