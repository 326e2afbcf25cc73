package org.infointerview.localrun;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The dev provider's sign-in page: it names the product, says it stands in for the university's
 * sign-in, and lists the demo logins, each filling the form with one click, so a newcomer gets in
 * without reading the README. The provider's security is Spring Boot's own, written out here
 * because a page of one's own replaces it whole: the authorization server's endpoints (OIDC, tokens
 * as a resource server, a browser sent to sign in), then the form for everything else.
 */
@Configuration(proxyBeanMethods = false)
class DevSignIn {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain authorizationServerSecurityFilterChain(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(
            server -> {
              http.securityMatcher(server.getEndpointsMatcher());
              server.oidc(Customizer.withDefaults());
            })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
        .exceptionHandling(
            exceptions -> {
              MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
              browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
              exceptions.defaultAuthenticationEntryPointFor(
                  new LoginUrlAuthenticationEntryPoint("/login"), browsers);
            });
    return http.build();
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE - 5)
  SecurityFilterChain signInSecurityFilterChain(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").permitAll());
    return http.build();
  }

  @RestController
  static class Page {

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String signIn(HttpServletRequest request, CsrfToken csrf) {
      boolean failed = request.getParameter("error") != null;
      boolean signedOut = request.getParameter("logout") != null;
      StringBuilder logins = new StringBuilder();
      for (DemoUsers.DemoUser user : DemoUsers.ALL) {
        logins
            .append("<li><button type=\"button\" class=\"demo\" data-user=\"")
            .append(html(user.username()))
            .append("\" data-password=\"")
            .append(html(user.password()))
            .append("\">")
            .append(html(user.name()))
            .append("</button> <span>")
            .append(html(user.role()))
            .append(": <code>")
            .append(html(user.username()))
            .append("</code> / <code>")
            .append(html(user.password()))
            .append("</code></span></li>");
      }
      return PAGE.replace("{{notice}}", notice(failed, signedOut))
          .replace("{{csrfName}}", html(csrf.getParameterName()))
          .replace("{{csrf}}", html(csrf.getToken()))
          .replace("{{logins}}", logins.toString());
    }

    private static String notice(boolean failed, boolean signedOut) {
      if (failed) {
        return "<p class=\"notice bad\" role=\"alert\">That name and password do not match a demo"
            + " login. Pick one below.</p>";
      }
      if (signedOut) {
        return "<p class=\"notice ok\" role=\"status\">You are signed out.</p>";
      }
      return "";
    }

    private static String html(String text) {
      return HtmlUtils.htmlEscape(text);
    }
  }

  /** One page, its style and its one script inline (this dev server sets no content policy). */
  private static final String PAGE =
      """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="UTF-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>Sign in · InfoInterview (local run)</title>
      <style>
        body { font-family: system-ui, sans-serif; margin: 0; background: #f5f7fa; color: #1a1a1a;
          line-height: 1.5; }
        main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem; background: #fff;
          border: 1px solid #d5dbe3; border-radius: 10px; }
        h1 { margin: 0 0 .25rem; font-size: 1.5rem; }
        label { display: block; font-weight: 600; margin-top: 1rem; }
        input { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem;
          border: 1px solid #8792a2; border-radius: 6px; }
        button { font: inherit; min-height: 44px; border-radius: 6px; padding: .5rem 1rem;
          border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; cursor: pointer; }
        button.demo { background: #fff; color: #1d4ed8; min-width: 9rem; }
        button:focus-visible, input:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
        .submit { margin-top: 1rem; width: 100%; }
        .muted { color: #4a5563; }
        ul { list-style: none; padding: 0; margin: .5rem 0 0; }
        li { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin: .5rem 0; }
        .notice { padding: .75rem 1rem; border-radius: 8px; border: 1px solid; }
        .bad { background: #fdecec; border-color: #b42318; }
        .ok { background: #e7f6ec; border-color: #1a7f37; }
      </style>
      </head>
      <body>
      <main>
        <h1>InfoInterview</h1>
        <p class="muted">Informational interviews for your career center. This is the local run's
          sign-in, standing in for your university's.</p>
        {{notice}}
        <form method="post" action="/login">
          <label for="username">User name</label>
          <input id="username" name="username" autocomplete="username" required autofocus>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <input type="hidden" name="{{csrfName}}" value="{{csrf}}">
          <button type="submit" class="submit">Sign in</button>
        </form>
        <h2 style="font-size:1.1rem;margin-top:1.5rem">Demo logins</h2>
        <p class="muted">Choose one to fill the form.</p>
        <ul>{{logins}}</ul>
      </main>
      <script>
        for (const button of document.querySelectorAll('button.demo')) {
          button.addEventListener('click', () => {
            document.getElementById('username').value = button.dataset.user;
            document.getElementById('password').value = button.dataset.password;
            document.querySelector('button.submit').focus();
          });
        }
      </script>
      </body>
      </html>
      """;
}
