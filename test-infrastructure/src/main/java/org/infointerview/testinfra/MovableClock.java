package org.infointerview.testinfra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A clock a test moves on by hand, for what depends on time passing (an interview marked done after
 * its start, a thank-you due in 48 hours), instead of waiting. It starts at the real time, so what
 * it stamps sorts with the rest of the test's data. {@code @Import(MovableClock.AsTheClock.class)}
 * on a test makes it the application's {@code Clock} bean; services take their {@code Clock} from
 * there.
 */
public final class MovableClock extends Clock {

  /** Makes a movable clock the application's {@code Clock}, to be autowired as one. */
  @TestConfiguration
  public static class AsTheClock {
    @Bean
    MovableClock clock() {
      return new MovableClock();
    }
  }

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the clock forward (or back, with a negative duration). */
  public void advance(Duration duration) {
    now.updateAndGet(t -> t.plus(duration));
  }

  /** Back to the real time. */
  public void reset() {
    now.set(Instant.now());
  }
}
