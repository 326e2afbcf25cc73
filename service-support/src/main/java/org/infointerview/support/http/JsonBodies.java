package org.infointerview.support.http;

import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Bodies are JSON, read by the one strict mapper ({@code spring.jackson.*}: an unknown field is a
 * 400): no other structured format is taken or given. A YAML, CBOR, Smile or XML converter that a
 * library on the class path brings (swagger-core brings Jackson 2's YAML) reads with a mapper of
 * its own that ignores unknown fields, so {@code ownerId} in a YAML body passed silently; such a
 * body is now a 415. Uploads are read from the request itself where an endpoint takes a file.
 */
class JsonBodies implements WebMvcConfigurer {

  private static final List<String> OTHER_FORMATS = List.of("yaml", "cbor", "smile", "xml");

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(JsonBodies::readsAnotherFormat);
  }

  private static boolean readsAnotherFormat(HttpMessageConverter<?> converter) {
    String name = converter.getClass().getName();
    if (name.startsWith("org.springframework.http.converter.json.MappingJackson2")) {
      // Jackson 2's JSON mapper: not the application's strict one.
      return true;
    }
    for (MediaType type : converter.getSupportedMediaTypes()) {
      String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
      if (OTHER_FORMATS.stream().anyMatch(subtype::contains)) {
        return true;
      }
    }
    return false;
  }
}
