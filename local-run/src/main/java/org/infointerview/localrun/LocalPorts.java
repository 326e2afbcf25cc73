package org.infointerview.localrun;

/**
 * The ports of the local run; an offset moves them all, so a second stack (the system test) can run
 * beside a developer's.
 */
public record LocalPorts(int offset) {

  public int gateway() {
    return 8080 + offset;
  }

  public int contacts() {
    return 8081 + offset;
  }

  public int interviews() {
    return 8082 + offset;
  }

  public int notifications() {
    return 8083 + offset;
  }

  public int webUi() {
    return 8084 + offset;
  }

  /** A service's management port (actuator: health, metrics), for scrapers and operators only. */
  public static int management(int servicePort) {
    return servicePort + 1000;
  }

  /** The port of a service's second instance ({@code --second-instance}). */
  public static int secondInstance(int servicePort) {
    return servicePort + 20;
  }

  public int identityProvider() {
    return 9000 + offset;
  }

  public int mailViewer() {
    return 9025 + offset;
  }

  public int kafka() {
    return 9092 + offset;
  }

  public int kafkaController() {
    return 9093 + offset;
  }

  public int mongo() {
    return 27017 + offset;
  }

  public int smtp() {
    return 3025 + offset;
  }

  public int imap() {
    return 3143 + offset;
  }

  public String issuer() {
    return "http://localhost:" + identityProvider();
  }
}
