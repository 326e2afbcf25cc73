package org.infointerview.notifications.delivery;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Mail from templates (Thymeleaf, {@code mail/<name>.html} and {@code mail/<name>.txt}, words in
 * {@code mail/messages[_es].properties}): each message in HTML and in plain text, the subject from
 * the same words. Values are escaped by the engine (HTML) and never concatenated into markup.
 */
@Component
public class MailTemplates {

  /** A message as rendered, ready to send. */
  public record Rendered(String subject, String text, String html) {}

  private final SpringTemplateEngine html;
  private final SpringTemplateEngine text;
  private final ResourceBundleMessageSource words;

  MailTemplates() {
    this.words = new ResourceBundleMessageSource();
    words.setBasename("mail/messages");
    words.setDefaultEncoding("UTF-8");
    words.setFallbackToSystemLocale(false);
    // Every message through MessageFormat, so an apostrophe is written '' whether or not the
    // message takes arguments.
    words.setAlwaysUseMessageFormat(true);
    this.html = engine(TemplateMode.HTML, ".html");
    this.text = engine(TemplateMode.TEXT, ".txt");
  }

  private SpringTemplateEngine engine(TemplateMode mode, String suffix) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(words);
    return engine;
  }

  /** One of the words, in the language of {@code locale}. */
  public String word(String key, Locale locale, Object... arguments) {
    return words.getMessage(key, arguments, locale);
  }

  /**
   * The message {@code name} in the language of {@code locale} (English when there is none).
   *
   * @param subjectArguments what the subject's words ({@code <name>.subject}) name, in order
   * @throws org.thymeleaf.exceptions.TemplateEngineException when a template cannot be rendered
   */
  public Rendered render(
      String name, Locale locale, Map<String, Object> values, Object... subjectArguments) {
    return render(name, name + ".subject", locale, values, subjectArguments);
  }

  /** The same, with the subject from the words {@code subjectKey} (one template, many subjects). */
  public Rendered render(
      String name,
      String subjectKey,
      Locale locale,
      Map<String, Object> values,
      Object... subjectArguments) {
    Context context = new Context(locale, values);
    return new Rendered(
        words.getMessage(subjectKey, subjectArguments, locale),
        text.process(name, context),
        html.process(name, context));
  }
}
