package io.sidecar.prm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The product's event processors as {@code GET /api/admin/processors} reports them: how far behind the head the
 * slowest one is. Polled at a fixed cadence: this is an observer of the run, not part of its load.
 */
final class Processors {

    /** A reading: the slowest processor's position, the head, and when it was read. */
    record Reading(long position, long head, long lag, long nanos) {}

    /** The audit log: it records the store once (never rebuilt), so its first pass is reported on its own. */
    static final String AUDIT_LOG = "audit-log";

    private final Http http;
    private final Predicate<String> names;

    /** Every processor. */
    Processors(Http http) {
        this(http, name -> true);
    }

    /** The processors whose names pass the filter. */
    Processors(Http http, Predicate<String> names) {
        this.http = http;
        this.names = names;
    }

    /** Every processor but the audit log: the read models and the policies. */
    static Processors rebuilt(Http http) {
        return new Processors(http, name -> !name.equals(AUDIT_LOG));
    }

    /** The audit log only. */
    static Processors auditLog(Http http) {
        return new Processors(http, AUDIT_LOG::equals);
    }

    Reading read() {
        Http.Answer answer = http.get("/api/admin/processors");
        if (!answer.ok()) {
            throw new IllegalStateException("GET /api/admin/processors answered " + answer.status());
        }
        long position = Long.MAX_VALUE;
        long head = -1;
        long lag = 0;
        for (JsonNode processor : answer.json()) {
            if (!names.test(processor.get("name").asText())) {
                continue;
            }
            position = Math.min(position, processor.get("position").asLong());
            head = Math.max(head, processor.get("head").asLong());
            lag = Math.max(lag, processor.get("lag").asLong());
            if (processor.get("error").asBoolean()) {
                throw new IllegalStateException("processor " + processor.get("name") + " stopped on an error");
            }
        }
        return new Reading(position == Long.MAX_VALUE ? -1 : position, head, lag, System.nanoTime());
    }

    /**
     * Follows a catch-up for at most {@code window}: the first reading and the last (caught up, or where the
     * window ended).
     */
    Reading[] follow(Duration period, Duration window, long events) {
        Reading first = read();
        long deadline = first.nanos() + window.toNanos();
        long printed = first.nanos();
        Reading last = first;
        while (!caughtUp(last) && last.nanos() < deadline) {
            LockSupport.parkNanos(period.toNanos());
            last = read();
            if (last.nanos() - printed > 10_000_000_000L) {
                System.out.printf("  ... position %,d of %,d%n", Math.max(0, last.position()), events);
                printed = last.nanos();
            }
        }
        return new Reading[] {first, last};
    }

    static boolean caughtUp(Reading reading) {
        return reading.lag() == 0 && reading.head() >= 0 && reading.position() >= reading.head();
    }

    /** Reads every {@code period} until no processor lags, at most {@code timeout}; the last reading. */
    Reading awaitCaughtUp(Duration period, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Reading reading = read();
            if (caughtUp(reading)) {
                return reading;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processors did not catch up within " + timeout + ": " + reading);
            }
            LockSupport.parkNanos(period.toNanos());
        }
    }
}
