package io.sidecar.prm.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per user name: after {@code prm.security.login.max-failures} within
 * {@code prm.security.login.window}, the name is locked until the window has passed since its last failure, whatever
 * password comes. Kept in memory, per process.
 */
@Component
public class LoginThrottle {

    /** Above this many names with recent failures, names whose failures are all old are forgotten. */
    private static final int TIDY_ABOVE = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(SecurityProperties properties, Clock clock) {
        this.maxFailures = properties.login().maxFailures();
        this.window = properties.login().window();
        this.clock = clock;
    }

    /** When a locked name may try again, or empty when it is not locked. */
    public Optional<Instant> lockedUntil(String username) {
        Deque<Instant> recent = failures.get(username);
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            Instant now = clock.instant();
            recent.removeIf(failure -> !failure.isAfter(now.minus(window)));
            if (recent.size() < maxFailures) {
                return Optional.empty();
            }
            return Optional.of(recent.peekLast().plus(window));
        }
    }

    void failed(String username) {
        if (failures.size() > TIDY_ABOVE) {
            Instant oldest = clock.instant().minus(window);
            failures.values().removeIf(recent -> {
                synchronized (recent) {
                    return recent.isEmpty() || !recent.peekLast().isAfter(oldest);
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(username, name -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(clock.instant());
            while (recent.size() > maxFailures) {
                recent.removeFirst();
            }
        }
    }

    void succeeded(String username) {
        failures.remove(username);
    }
}
