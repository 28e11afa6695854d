package io.sidecar.prm.standalone;

import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.Sentiment;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Check-ins appended straight to a running product's event store, as {@link LongHistoryIT} does, for tests that
 * need thousands of events in seconds (the command path takes about 50 commands/s). Real events with the
 * product's metadata, so every processor and the integration feed read them as they read their own.
 */
final class AppendedCheckIns {

    private AppendedCheckIns() {}

    /**
     * Appends {@code count} check-ins to a partner's stream from {@code firstSequence} on (its version before),
     * {@code batch} to a transaction; answers their event ids in order.
     */
    static List<String> append(RunningStandalone app, String partnerId, long firstSequence, int count, int batch) {
        EventStorageEngine store = app.bean(EventStorageEngine.class);
        List<String> ids = new ArrayList<>(count);
        List<DomainEventMessage<?>> pending = new ArrayList<>(batch);
        for (int n = 0; n < count; n++) {
            DomainEventMessage<?> event = checkIn(partnerId, firstSequence + n, n);
            ids.add(event.getIdentifier());
            pending.add(event);
            if (pending.size() == batch || n == count - 1) {
                store.appendEvents(pending);
                pending.clear();
            }
        }
        return ids;
    }

    /** One check-in as the product would store it, with its metadata. */
    static DomainEventMessage<?> checkIn(String partnerId, long sequence, int n) {
        Instant now = Instant.now();
        CheckInRecorded event = new CheckInRecorded(
                partnerId,
                UUID.randomUUID().toString(),
                now.atZone(ZoneOffset.UTC).toLocalDate(),
                List.of("Ann"),
                "appended check-in " + n,
                Sentiment.POSITIVE,
                List.of(),
                now);
        return new GenericDomainEventMessage<>(
                "Partner",
                partnerId,
                sequence,
                event,
                Map.of(
                        PrmMetadata.ACTOR,
                        "loader",
                        PrmMetadata.CORRELATION_ID,
                        "appended-check-ins",
                        PrmMetadata.CAUSATION_ID,
                        "appended-check-ins"));
    }
}
