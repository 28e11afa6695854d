package io.sidecar.prm.query.asof;

import io.sidecar.prm.query.audit.AuditLogProjection;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import io.sidecar.prm.query.web.QuerySideProperties;
import java.time.Duration;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Waits until the audit log has recorded every event stored before the wait began, so that its index of a
 * partner's streams names every deal the partner had by then. Bounded like a read with {@code minVersion}
 * ({@code prm.query.min-version-wait}).
 */
@Component
class AuditLogCatchUp {

    /** The audit log's processing group (the audit package's {@code AuditLogProjection.NAME}). */
    private final EventProcessingConfiguration processing;

    private final EventStore events;
    private final ReadModelUpdates updates;
    private final Duration maxWait;

    AuditLogCatchUp(
            EventProcessingConfiguration processing,
            EventStore events,
            ReadModelUpdates updates,
            QuerySideProperties properties) {
        this.processing = processing;
        this.events = events;
        this.updates = updates;
        this.maxWait = properties.minVersionWait();
    }

    /**
     * Waits for the audit log to reach the event store's head as it is now.
     *
     * @return {@code false} when it had not within the wait (or the wait was interrupted); {@code true} when it had,
     *     or when this process does not run the audit log (another query-side instance holds its segment) and so
     *     cannot tell
     */
    boolean await() {
        OptionalLong head = position(events.createHeadToken());
        if (head.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            OptionalLong recorded = recorded();
            if (recorded.isEmpty() || recorded.getAsLong() >= head.getAsLong()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                updates.awaitChange(
                        Duration.ofNanos(Math.min(left, Duration.ofMillis(50).toNanos())));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** How far the audit log's processor has got in this process; empty when it runs elsewhere. */
    private OptionalLong recorded() {
        return processing
                .eventProcessor(AuditLogProjection.NAME, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                        .min())
                .orElse(OptionalLong.empty());
    }

    private static OptionalLong position(TrackingToken token) {
        return token == null || token.position().isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(token.position().getAsLong());
    }
}
