package org.infointerview.interviews;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class InterviewsApplication {

  public static void main(String[] args) {
    SpringApplication.run(InterviewsApplication.class, args);
  }
}
