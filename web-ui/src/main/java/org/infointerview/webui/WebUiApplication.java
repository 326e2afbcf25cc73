package org.infointerview.webui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The web UI: the pages and their scripts, served to browsers through the gateway. */
@SpringBootApplication
public class WebUiApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebUiApplication.class, args);
  }
}
