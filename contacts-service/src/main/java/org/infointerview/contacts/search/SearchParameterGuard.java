package org.infointerview.contacts.search;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import org.infointerview.support.problem.FieldError;
import org.infointerview.support.problem.InvalidFieldException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a search whose parameters are not all {@link ContactQuery}'s, before anything binds them:
 * {@code careerField[$ne]=x} is a 400 naming the parameter, never an indexed property, never an
 * operator.
 */
@Configuration
class SearchParameterGuard implements WebMvcConfigurer, HandlerInterceptor {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/contacts");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!"GET".equals(request.getMethod())) {
      return true;
    }
    List<FieldError> unknown =
        Collections.list(request.getParameterNames()).stream()
            .filter(name -> !ContactQuery.PARAMETERS.contains(name))
            .sorted()
            .limit(10)
            .map(name -> new FieldError(abbreviate(name), "is not a search parameter"))
            .toList();
    if (!unknown.isEmpty()) {
      throw new InvalidFieldException(unknown);
    }
    return true;
  }

  private static String abbreviate(String name) {
    return name.length() > 40 ? name.substring(0, 40) + "…" : name;
  }
}
