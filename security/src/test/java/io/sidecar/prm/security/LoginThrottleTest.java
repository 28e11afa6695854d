package io.sidecar.prm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-05-04T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new SecurityProperties(
                    null,
                    new SecurityProperties.Jwt(null, null, "roles"),
                    new SecurityProperties.Login(10, WINDOW),
                    Duration.ofSeconds(60)),
            clock);

    @Test
    void nineFailuresDoNotLock() {
        fail("ada", 9);
        assertThat(throttle.lockedUntil("ada")).isEmpty();
    }

    @Test
    void theTenthFailureWithinTheWindowLocksUntilTheWindowHasPassedSinceTheLast() {
        fail("ada", 9);
        clock.move(Duration.ofMinutes(4));
        fail("ada", 1);
        assertThat(throttle.lockedUntil("ada")).contains(clock.instant().plus(WINDOW));
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail("ada", 9);
        clock.move(WINDOW.plusSeconds(1));
        fail("ada", 1);
        assertThat(throttle.lockedUntil("ada")).isEmpty();
    }

    @Test
    void aLockEndsWhenTheWindowHasPassed() {
        fail("ada", 10);
        clock.move(WINDOW.minusSeconds(1));
        assertThat(throttle.lockedUntil("ada")).isPresent();
        clock.move(Duration.ofSeconds(1));
        assertThat(throttle.lockedUntil("ada")).isEmpty();
    }

    @Test
    void aSuccessForgetsTheFailures() {
        fail("ada", 9);
        throttle.succeeded("ada");
        fail("ada", 9);
        assertThat(throttle.lockedUntil("ada")).isEmpty();
    }

    @Test
    void namesAreLockedApart() {
        fail("ada", 10);
        assertThat(throttle.lockedUntil("ada")).isPresent();
        assertThat(throttle.lockedUntil("grace")).isEmpty();
    }

    private void fail(String username, int times) {
        IntStream.range(0, times).forEach(i -> throttle.failed(username));
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
