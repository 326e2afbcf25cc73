package org.infointerview.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.NoSuchMessageException;
import org.thymeleaf.exceptions.TemplateEngineException;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  @ParameterizedTest
  @CsvSource({
    "en, ACCEPTED, Ada Park answered your request, accepted your request",
    "en, PROPOSED, Ada Park answered your request, at another time",
    "en, DECLINED, Ada Park answered your request, declined your request",
    "es, ACCEPTED, Ada Park respondió a tu solicitud, aceptó tu solicitud",
    "es, PROPOSED, Ada Park respondió a tu solicitud, en otro momento",
    "es, DECLINED, Ada Park respondió a tu solicitud, no puede esta vez"
  })
  void eachAnswerReadsInEachLanguageInTextAndHtml(
      String language, String answer, String subject, String says) {
    MailTemplates.Rendered mail =
        templates.render(
            "request-answered", Locale.forLanguageTag(language), values(answer), "Ada Park");

    assertThat(mail.subject()).isEqualTo(subject);
    assertThat(mail.text()).contains(says).doesNotContain("??").doesNotContain("[(");
    assertThat(mail.html()).contains(says).doesNotContain("??");
  }

  @Test
  void aTemplateThatIsNotThereFailsInsteadOfSendingSomethingEmpty() {
    assertThatThrownBy(() -> templates.render("no-such-mail", Locale.ENGLISH, Map.of()))
        .isInstanceOfAny(TemplateEngineException.class, NoSuchMessageException.class);
  }

  private static Map<String, Object> values(String answer) {
    Map<String, Object> values = new HashMap<>();
    values.put("studentName", "Sam");
    values.put("contactName", "Ada Park");
    values.put("answer", answer);
    values.put("message", "Hi <b>Sam</b>");
    values.put("acceptedLocal", "Tuesday, December 8, 2026, 9:30 AM");
    values.put("proposedLocal", List.of("Thursday, December 10, 2026, 12:00 PM (30 min)"));
    values.put("timeZone", "America/Chicago");
    values.put("link", "http://localhost:8080");
    return values;
  }
}
