package io.sidecar.prm.command.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The days and instants the demo's quarters ({@link io.sidecar.prm.events.Quarter}) start at, in UTC. */
final class Quarters {

    private Quarters() {}

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
