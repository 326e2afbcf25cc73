package org.infointerview.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** Every screen's address answers with the shell; files are files; anything else is a 404. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.server.port=0")
class PagesIT {

  @Value("${local.server.port}")
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void everyScreenAddressAnswersWithTheShellReadAgainOnEveryVisit() throws Exception {
    for (String screen : new String[] {"/", "/answer", "/requests", "/interviews/65c1a2b3"}) {
      HttpResponse<String> page = get(screen);
      assertThat(page.statusCode()).as(screen).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
      assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
      assertThat(page.body()).contains("<ii-app></ii-app>").contains("type=\"importmap\"");
    }
  }

  @Test
  void scriptsAndLitComeAsFilesAndOtherAddressesAreNotFound() throws Exception {
    HttpResponse<String> app = get("/ui/app.js");
    assertThat(app.statusCode()).isEqualTo(200);
    assertThat(app.headers().firstValue("Content-Type")).hasValue("text/javascript");
    assertThat(app.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(get("/webjars/lit/index.js").statusCode()).isEqualTo(200);
    assertThat(get("/webjars/lit-html/lit-html.js").body()).contains("export");

    for (String missing :
        new String[] {
          "/ui", "/ui/none.js", "/webjars", "/Answer", "/a/b/c", "/index.htm", "/x.y"
        }) {
      assertThat(get(missing).statusCode()).as(missing).isEqualTo(404);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
