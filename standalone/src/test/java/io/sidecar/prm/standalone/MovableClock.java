package io.sidecar.prm.standalone;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The application's clock in a test: it stands still until the test moves it, in UTC. */
final class MovableClock extends Clock {

    private volatile Instant now;

    MovableClock(Instant start) {
        this.now = start;
    }

    /** Puts the clock at {@code instant}; never backwards, so that the application's time only moves on. */
    void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("the clock is at " + now + ", it does not go back to " + instant);
        }
        now = instant;
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
        throw new UnsupportedOperationException("the application's clock keeps UTC");
    }
}
