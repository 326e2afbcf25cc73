package org.infointerview.archfixture;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the architecture rule exists to forbid: a request thread that waits on the broker. */
@RestController
class PublishingController {

  private final PublishingService service;

  PublishingController(PublishingService service) {
    this.service = service;
  }

  @PostMapping("/publish")
  void publish() {
    service.publish();
  }

  static class PublishingService {
    private final KafkaTemplate<String, String> kafka;

    PublishingService(KafkaTemplate<String, String> kafka) {
      this.kafka = kafka;
    }

    void publish() {
      kafka.send("somewhere", "now");
    }
  }
}
