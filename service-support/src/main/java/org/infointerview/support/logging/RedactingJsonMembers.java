package org.infointerview.support.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * JSON log lines (Spring Boot's structured logging, ECS or Logstash) redact as the text patterns
 * do: every text member (the message, the stack trace, MDC values) with its email addresses and
 * JSON Web Tokens replaced by {@code [email]} and {@code [token]}.
 */
public class RedactingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

  @Override
  public void customize(JsonWriter.Members<Object> members) {
    members.applyingValueProcessor(
        JsonWriter.ValueProcessor.of(String.class, RedactingLogPatterns::redact));
  }
}
