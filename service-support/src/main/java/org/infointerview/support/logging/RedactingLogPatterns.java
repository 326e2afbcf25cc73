package org.infointerview.support.logging;

import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Log lines never carry email addresses or JSON Web Tokens: the default console and file patterns
 * replace them in every message with {@code [email]} and {@code [token]}, and JSON lines (one
 * setting: {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} or {@code logstash}) have every text
 * member redacted alike ({@link RedactingJsonMembers}). A service may still set its own pattern;
 * these are the lowest-precedence defaults. Every line written inside a traced request or event
 * names its trace and span ({@code [traceId-spanId]} in text, {@code traceId} and {@code spanId}
 * members in JSON). (Note text and other free text are kept out of logs by never logging them.)
 */
public class RedactingLogPatterns implements EnvironmentPostProcessor, Ordered {

  /**
   * An address. Tried only where a run of the local part's characters begins, and that run taken
   * whole (it cannot hold the {@code @}): the plain form tried every position inside every run of
   * letters and digits and backtracked through each, a cost that grew with the square of a run's
   * length on every line logged. The same addresses match.
   */
  static final String EMAIL =
      "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9.-]+\\.[A-Za-z][A-Za-z]+";

  static final String JWT = "eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*";

  /** The message and the stack trace after it (whose messages may name an address too). */
  static final String MESSAGE =
      "%replace(%replace(%m%n%wEx){'" + EMAIL + "','[email]'}){'" + JWT + "','[token]'}";

  private static final Pattern EMAILS = Pattern.compile(EMAIL);
  private static final Pattern TOKENS = Pattern.compile(JWT);

  /** A text with its email addresses and JSON Web Tokens replaced, as the patterns replace them. */
  public static String redact(String text) {
    return TOKENS.matcher(EMAILS.matcher(text).replaceAll("[email]")).replaceAll("[token]");
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    // The trace and span ids (Boot's correlation pattern, set where Micrometer Tracing runs).
    String common =
        "%5p ${PID:-} --- [%15.15t] ${LOG_CORRELATION_PATTERN:-}%-40.40logger{39} : " + MESSAGE;
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "infointerviewLogPatterns",
                Map.of(
                    "logging.pattern.console",
                    "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} " + common,
                    "logging.pattern.file",
                    "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} " + common,
                    "logging.structured.json.customizer",
                    RedactingJsonMembers.class.getName())));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
