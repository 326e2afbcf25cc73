package org.infointerview.testinfra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Decides, for the whole test JVM, containers or the embedded infrastructure, from the switch
 * ({@code -Dinfointerview.test.infrastructure=auto|containers|embedded}) and the places a Docker
 * engine announces itself: {@code DOCKER_HOST}, a Docker context, {@code
 * ~/.testcontainers.properties} and the sockets of rootful, rootless ({@code $XDG_RUNTIME_DIR},
 * {@code /run/user/<uid>}) and Docker Desktop engines. Only where one of those is found is
 * Testcontainers asked (asking it without one costs every JVM seconds of probing). Pure: the
 * environment, the home folder and the file check are given, so every case is a unit test.
 */
final class DockerDetection {

  /** What the switch asks for. */
  enum Switch {
    AUTO,
    CONTAINERS,
    EMBEDDED;

    static Switch of(@Nullable String value) {
      if (value == null || value.isBlank()) {
        return AUTO;
      }
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "-Dinfointerview.test.infrastructure="
                + value
                + " is not one of auto, containers, embedded");
      }
    }
  }

  private DockerDetection() {}

  /** Where a Docker engine may be announced on this machine, in the order they are looked at. */
  static List<String> hints(Map<String, String> env, Path home, Predicate<Path> exists) {
    List<String> found = new ArrayList<>();
    if (env.get("DOCKER_HOST") != null && !env.get("DOCKER_HOST").isBlank()) {
      found.add("DOCKER_HOST=" + env.get("DOCKER_HOST"));
    }
    if (env.get("DOCKER_CONTEXT") != null && !env.get("DOCKER_CONTEXT").isBlank()) {
      found.add("DOCKER_CONTEXT=" + env.get("DOCKER_CONTEXT"));
    }
    List<Path> places = new ArrayList<>();
    places.add(home.resolve(".testcontainers.properties"));
    places.add(Path.of("/var/run/docker.sock"));
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank()) {
      places.add(Path.of(runtime, "docker.sock"));
    }
    String uid = env.get("UID");
    if (uid != null && !uid.isBlank()) {
      places.add(Path.of("/run/user", uid, "docker.sock"));
    }
    places.add(home.resolve(".docker/run/docker.sock"));
    places.add(home.resolve(".docker/desktop/docker.sock"));
    places.add(home.resolve(".rd/docker.sock"));
    places.add(home.resolve(".colima/default/docker.sock"));
    for (Path place : places) {
      if (exists.test(place)) {
        found.add(place.toString());
      }
    }
    return found;
  }

  /**
   * Containers or not. {@code CONTAINERS} without an engine that answers fails loudly, naming the
   * switch; {@code AUTO} takes containers only where an engine both announced itself and answered.
   *
   * @param dockerAnswers asks Testcontainers (only called where needed)
   */
  static boolean useContainers(Switch choice, List<String> hints, Supplier<Boolean> dockerAnswers) {
    if (choice == Switch.EMBEDDED) {
      return false;
    }
    boolean answers = (!hints.isEmpty() || choice == Switch.CONTAINERS) && dockerAnswers.get();
    if (choice == Switch.CONTAINERS && !answers) {
      throw new IllegalStateException(
          "-Dinfointerview.test.infrastructure=containers, but no Docker engine answers"
              + (hints.isEmpty() ? " (none announced itself)" : " (found " + hints + ")")
              + "; start Docker, or leave the switch unset to run on the embedded infrastructure");
    }
    return answers;
  }
}
