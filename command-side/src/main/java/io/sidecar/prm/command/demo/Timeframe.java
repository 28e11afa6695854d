package io.sidecar.prm.command.demo;

import io.sidecar.prm.events.Quarter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * When the demo story takes place: from the start of the quarter eight quarters before the current one up to
 * {@code horizon}, a few hours before now; the channel conflicts come after the horizon, so that every partner's
 * own story is over when they are registered.
 *
 * @param now     the clock's now when the plan was made
 * @param start   the first day of the oldest of the eight past quarters
 * @param horizon the latest time of a partner's own commands
 */
record Timeframe(Instant now, Instant start, Instant horizon) {

    static final Duration CONFLICT_WINDOW = Duration.ofHours(6);

    static Timeframe of(Instant now) {
        LocalDate oldestQuarter = Quarter.of(Quarters.day(now)).firstDay().minusMonths(24);
        return new Timeframe(now, Quarters.startOf(oldestQuarter), now.minus(CONFLICT_WINDOW));
    }

    LocalDate today() {
        return Quarters.day(now);
    }
}
