package io.sidecar.prm.query.web;

import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes for single resources: with {@code minVersion=N} a read waits (at most the configured time,
 * 5 s by default) until the read model has applied version N; on time-out it answers with what it has and a
 * {@code Warning} header saying the answer is stale.
 */
@Component
public class ConsistentRead {

    /** The {@code Warning} header value of a stale answer (RFC 7234 warn-code 110, "Response is Stale"). */
    public static final String STALE = "110 - \"stale\"";

    private final ReadModelUpdates updates;
    private final Duration maxWait;

    ConsistentRead(ReadModelUpdates updates, QuerySideProperties properties) {
        this.updates = updates;
        this.maxWait = properties.minVersionWait();
    }

    /**
     * Reads a resource, waiting for {@code minVersion} when given.
     *
     * @param what       a word for the 404 message, such as "partner"
     * @param id         the resource's id
     * @param read       reads the current view, or {@code null} when there is none
     * @param version    the view's version
     * @param minVersion the version the caller needs, or {@code null}
     */
    public <T> ResponseEntity<?> read(
            String what, String id, Supplier<T> read, ToLongFunction<T> version, Long minVersion) {
        return read(what, id, read, version, minVersion, Function.identity());
    }

    /**
     * Reads a resource as above and answers with {@code answer} applied to the view (figures computed on reading).
     */
    public <T> ResponseEntity<?> read(
            String what,
            String id,
            Supplier<T> read,
            ToLongFunction<T> version,
            Long minVersion,
            Function<T, ?> answer) {
        if (minVersion != null && minVersion < 0) {
            throw new InvalidQueryException("minVersion", "must be 0 or more");
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        T view = read.get();
        while (minVersion != null && (view == null || version.applyAsLong(view) < minVersion)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return stale(what, id, view == null ? null : answer.apply(view));
            }
            try {
                updates.awaitChange(
                        Duration.ofNanos(Math.min(left, Duration.ofMillis(50).toNanos())));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return stale(what, id, view == null ? null : answer.apply(view));
            }
            view = read.get();
        }
        return view == null ? notFound(what, id) : ResponseEntity.ok(answer.apply(view));
    }

    private static ResponseEntity<?> stale(String what, String id, Object view) {
        if (view == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .header(HttpHeaders.WARNING, STALE)
                    .body(notFoundProblem(what, id));
        }
        return ResponseEntity.ok().header(HttpHeaders.WARNING, STALE).body(view);
    }

    public static ResponseEntity<?> notFound(String what, String id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFoundProblem(what, id));
    }

    private static ProblemDetail notFoundProblem(String what, String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no " + what + " with id " + id);
        problem.setProperty("code", what + ".unknown");
        return problem;
    }
}
