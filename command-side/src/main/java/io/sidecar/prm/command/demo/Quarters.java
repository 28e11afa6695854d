package io.sidecar.prm.command.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Calendar quarters as goals name them ({@code 2026-Q3}), in UTC. */
final class Quarters {

    private Quarters() {}

    /** The first day of the quarter that holds {@code day}. */
    static LocalDate start(LocalDate day) {
        int firstMonth = (day.getMonthValue() - 1) / 3 * 3 + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1);
    }

    /** The quarter's name, {@code YYYY-Qn}. */
    static String label(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
