package org.infointerview.localrun;

/**
 * The ports of the local run; an offset moves them all, so a second stack (the system test) can run
 * beside a developer's.
 */
record LocalPorts(int offset) {

  int gateway() {
    return 8080 + offset;
  }

  int contacts() {
    return 8081 + offset;
  }

  int interviews() {
    return 8082 + offset;
  }

  int notifications() {
    return 8083 + offset;
  }

  int identityProvider() {
    return 9000 + offset;
  }

  int mailViewer() {
    return 9025 + offset;
  }

  int kafka() {
    return 9092 + offset;
  }

  int kafkaController() {
    return 9093 + offset;
  }

  int mongo() {
    return 27017 + offset;
  }

  int smtp() {
    return 3025 + offset;
  }

  int imap() {
    return 3143 + offset;
  }

  String issuer() {
    return "http://localhost:" + identityProvider();
  }
}
