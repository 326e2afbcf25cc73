package org.infointerview.contacts.alumniapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  private static final AddressGuard.Policy STRICT = new AddressGuard.Policy(false, false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/alumni",
        "https://127.8.9.10/alumni",
        "https://localhost/alumni",
        "https://[::1]/alumni",
        "https://0.0.0.0/alumni",
        "https://10.1.2.3/alumni",
        "https://172.16.0.1/alumni",
        "https://192.168.1.1/alumni",
        "https://169.254.169.254/latest/meta-data",
        "https://100.64.0.1/alumni",
        "https://[fd00::1]/alumni",
        "https://[fe80::1]/alumni",
        "https://[::ffff:10.0.0.1]/alumni",
        "https://224.0.0.1/alumni",
        "https://198.18.0.1/alumni"
      })
  void addressesInsideTheNetworkAreRefused(String url) {
    assertThat(AddressGuard.refusal(URI.create(url), STRICT))
        .as(url)
        .isNotNull()
        .contains("which is not allowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://93.184.216.34/alumni", "https://[2606:2800:220:1::]/x"})
  void publicAddressesAreAllowed(String url) {
    assertThat(AddressGuard.refusal(URI.create(url), STRICT)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://93.184.216.34/alumni",
        "ftp://93.184.216.34/alumni",
        "file:///etc/passwd",
        "gopher://93.184.216.34/"
      })
  void onlyHttpsIsAllowedByDefault(String url) {
    assertThat(AddressGuard.refusal(URI.create(url), STRICT)).contains("https");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://admin:secret@93.184.216.34/alumni", "https://x@93.184.216.34/"})
  void credentialsInTheUrlAreRefused(String url) {
    assertThat(AddressGuard.refusal(URI.create(url), STRICT)).contains("user name or password");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://no-such-host.invalid/alumni"})
  void aHostThatDoesNotResolveIsRefused(String url) {
    assertThat(AddressGuard.refusal(URI.create(url), STRICT)).contains("does not resolve");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/alumni",
        "https://10.0.0.5/alumni",
        "https://172.16.4.2/alumni",
        "https://192.168.1.20/alumni",
        "https://[fd12:3456::7]/alumni"
      })
  void privateAddressesAndPlainHttpPassWhenTheInstallationAllowsThem(String url) {
    assertThat(AddressGuard.refusal(URI.create(url), new AddressGuard.Policy(true, true))).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "http://169.254.170.2/v2/credentials",
        "http://[fe80::1]/alumni",
        "http://[::ffff:169.254.169.254]/alumni",
        "http://[64:ff9b::a9fe:a9fe]/alumni",
        "http://[2002:a9fe:a9fe::1]/alumni",
        "http://[::a9fe:a9fe]/alumni",
        "http://[fd00:ec2::254]/latest/meta-data/",
        "http://100.100.100.200/latest/meta-data/",
        "http://0.0.0.0:8080/alumni",
        "http://[::]/alumni",
        "http://224.0.0.1/alumni",
        "http://240.0.0.1/alumni"
      })
  void linkLocalMetadataAndUnroutableAddressesAreRefusedEvenWhenPrivateOnesAreAllowed(String url) {
    assertThat(AddressGuard.refusal(URI.create(url), new AddressGuard.Policy(true, true)))
        .isNotNull()
        .contains("which is not allowed");
  }
}
