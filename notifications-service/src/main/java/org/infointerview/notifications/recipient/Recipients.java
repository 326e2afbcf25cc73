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

  /**
   * How mail to someone else names this student: their name, or a plain description when their
   * profile has not reached this service.
   */
  public String studentName(String userId) {
    return find(userId).map(Recipient::displayName).orElse("a student of your university");
  }

  /** The platform user, if their profile reached this service. */
  public Optional<Recipient> find(String userId) {
    return Optional.ofNullable(mongo.findById(userId, Recipient.class));
  }
}
