package org.infointerview.notifications.recipient;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Who mail can go to: platform users as their profiles describe them. */
@Component
public class Recipients {

  private final MongoTemplate mongo;

  Recipients(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The platform user, if their profile reached this service. */
  public Optional<Recipient> find(String userId) {
    return Optional.ofNullable(mongo.findById(userId, Recipient.class));
  }
}
