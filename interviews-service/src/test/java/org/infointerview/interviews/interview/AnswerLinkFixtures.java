package org.infointerview.interviews.interview;

import java.time.Instant;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * An answer link for a request already sent, without reading the mail's event off the topic: for
 * tests that are about who may use a link, not how it travels (AnswerIT reads it off the topic).
 */
public final class AnswerLinkFixtures {

  private AnswerLinkFixtures() {}

  /** A token for a new link to the interview's person, kept by the interview as one it issued. */
  public static String openLink(
      ApplicationContext context, MongoTemplate mongo, String interviewId) {
    Interview interview = mongo.findById(interviewId, Interview.class);
    AnswerLinks.Issued issued =
        context
            .getBean(AnswerLinks.class)
            .issue(interviewId, interview.contact().contactId(), Instant.now());
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(interviewId)),
        new Update().push("answerLinks", issued.link()),
        Interview.class);
    return issued.token();
  }
}
