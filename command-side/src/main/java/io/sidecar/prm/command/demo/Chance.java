package io.sidecar.prm.command.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Random draws for the demo story, always from the caller's seeded {@link Random}. */
final class Chance {

    private Chance() {}

    static boolean chance(Random random, double probability) {
        return random.nextDouble() < probability;
    }

    static double uniform(Random random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    /** A span of a random number of days between {@code minDays} and {@code maxDays}, to the second. */
    static Duration days(Random random, double minDays, double maxDays) {
        return Duration.ofSeconds((long) (uniform(random, minDays, maxDays) * 86_400));
    }

    /** An instant between the two, or {@code from} when there is no room. */
    static Instant between(Random random, Instant from, Instant to) {
        long seconds = Duration.between(from, to).getSeconds();
        return seconds <= 0 ? from : from.plusSeconds((long) (random.nextDouble() * seconds));
    }

    static Instant later(Random random, Instant from, double minDays, double maxDays) {
        return from.plus(days(random, minDays, maxDays));
    }

    static Instant earlier(Random random, Instant from, double minDays, double maxDays) {
        return from.minus(days(random, minDays, maxDays));
    }
}
