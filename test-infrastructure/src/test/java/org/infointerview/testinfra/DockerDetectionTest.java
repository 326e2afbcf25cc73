package org.infointerview.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a test JVM finds a Docker engine, over fake environments and file systems. */
class DockerDetectionTest {

  private static final Path HOME = Path.of("/home/dev");

  private static List<String> hints(Map<String, String> env, String... existing) {
    Set<Path> files = Set.of(Arrays.stream(existing).map(Path::of).toArray(Path[]::new));
    return DockerDetection.hints(env, HOME, files::contains);
  }

  @Test
  void rootfulRootlessDesktopAndConfiguredEnginesAreAllFound() {
    assertThat(hints(Map.of(), "/var/run/docker.sock")).containsExactly("/var/run/docker.sock");
    assertThat(hints(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "/run/user/1000/docker.sock"))
        .containsExactly("/run/user/1000/docker.sock");
    assertThat(hints(Map.of(), "/home/dev/.docker/desktop/docker.sock"))
        .containsExactly("/home/dev/.docker/desktop/docker.sock");
    assertThat(hints(Map.of(), "/home/dev/.docker/run/docker.sock")).hasSize(1);
    assertThat(hints(Map.of(), "/home/dev/.testcontainers.properties"))
        .containsExactly("/home/dev/.testcontainers.properties");
    assertThat(hints(Map.of("DOCKER_HOST", "tcp://build-host:2376")))
        .containsExactly("DOCKER_HOST=tcp://build-host:2376");
    assertThat(hints(Map.of("DOCKER_CONTEXT", "colima"))).containsExactly("DOCKER_CONTEXT=colima");
  }

  @Test
  void aMachineWithNoEngineAnnouncesNone() {
    assertThat(hints(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), "/usr/bin/docker")).isEmpty();
  }

  @Test
  void automaticallyTestcontainersIsAskedOnlyWhereAnEngineAnnouncedItself() {
    AtomicInteger asked = new AtomicInteger();

    assertThat(
            DockerDetection.useContainers(
                DockerDetection.Switch.AUTO, List.of(), () -> asked.incrementAndGet() > 0))
        .isFalse();
    assertThat(asked).hasValue(0);
    assertThat(
            DockerDetection.useContainers(
                DockerDetection.Switch.AUTO, List.of("/var/run/docker.sock"), () -> true))
        .isTrue();
    assertThat(
            DockerDetection.useContainers(
                DockerDetection.Switch.AUTO, List.of("/var/run/docker.sock"), () -> false))
        .as("announced but not answering: embedded")
        .isFalse();
  }

  @Test
  void theSwitchForcesEitherWayAndContainersWithoutAnEngineFailLoudly() {
    assertThat(
            DockerDetection.useContainers(
                DockerDetection.Switch.EMBEDDED, List.of("/var/run/docker.sock"), () -> true))
        .isFalse();
    assertThat(
            DockerDetection.useContainers(DockerDetection.Switch.CONTAINERS, List.of(), () -> true))
        .as("an engine Testcontainers finds by itself")
        .isTrue();
    assertThatThrownBy(
            () ->
                DockerDetection.useContainers(
                    DockerDetection.Switch.CONTAINERS, List.of(), () -> false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("infointerview.test.infrastructure=containers")
        .hasMessageContaining("no Docker engine answers");
    assertThat(DockerDetection.Switch.of(" Containers "))
        .isEqualTo(DockerDetection.Switch.CONTAINERS);
    assertThat(DockerDetection.Switch.of(null)).isEqualTo(DockerDetection.Switch.AUTO);
    assertThatThrownBy(() -> DockerDetection.Switch.of("docker"))
        .hasMessageContaining("not one of auto, containers, embedded");
  }
}
