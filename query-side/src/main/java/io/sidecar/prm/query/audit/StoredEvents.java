package io.sidecar.prm.query.audit;

import io.sidecar.prm.events.PartnerEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The event store as stored: a second reader of the same store without upcasters, whose messages keep their
 * payload and metadata as serialized. The audit log is fed from it and verification reads it, so both hash the
 * stored bytes; {@link #current} upcasts one of them when its meaning is needed.
 */
public class StoredEvents {

    private final EventStore store;
    private final Serializer serializer;
    private final Supplier<EventUpcaster> upcasters;
    private final ToLongFunction<TrackedEventMessage<?>> positions;

    /**
     * @param store      an event store over the product's store, built without upcasters (and not a bean of type
     *                   {@link EventStore}: that one is Axon's)
     * @param serializer the event serializer the store was written with
     * @param upcasters  the product's upcaster chain, for {@link #current}
     * @param positions  an event's own global position. Not always its tracking token's: a gap-aware token (the
     *                   JDBC store's) that an event filled a gap of keeps the highest position seen so far
     */
    public StoredEvents(
            EventStore store,
            Serializer serializer,
            Supplier<EventUpcaster> upcasters,
            ToLongFunction<TrackedEventMessage<?>> positions) {
        this.store = store;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.positions = positions;
    }

    /** Where the event's token says it is: exact for a store whose tokens have no gaps (Axon Server's). */
    public static long tokenPosition(TrackedEventMessage<?> message) {
        return message.trackingToken().position().orElse(-1L);
    }

    /** The event's own global position in the store. */
    public long position(TrackedEventMessage<?> message) {
        return positions.applyAsLong(message);
    }

    /** Stops the store's own reader threads, if it has any. */
    public void close() {
        if (store instanceof EmbeddedEventStore embedded) {
            embedded.shutDown();
        }
    }

    /** Every event in global order, as stored: the audit log's processor reads this. */
    public StreamableMessageSource<TrackedEventMessage<?>> source() {
        return store;
    }

    /** The global position of the newest event in the store, -1 when it is empty. */
    public long headPosition() {
        TrackingToken head = store.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1L);
    }

    /** One aggregate's events from its first, as stored (never a snapshot). */
    public Stream<StoredEvent> stream(String aggregateId) {
        return store.readEvents(aggregateId, 0).asStream().map(this::stored);
    }

    /** The stored form of a message from this store. */
    public StoredEvent stored(DomainEventMessage<?> message) {
        return StoredEvent.of(message, serializer);
    }

    /**
     * A stored event upcast to the current revision and deserialized, as every other reader sees it; empty when the
     * upcasters drop it or it is not a partner's event (which the audit log does not record).
     */
    public Optional<PartnerEvent> current(StoredEvent event) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                event.aggregateType(),
                event.aggregateId(),
                event.sequence(),
                event.eventId(),
                event.timestamp(),
                event.payloadType(),
                event.revision(),
                event.payload().getBytes(StandardCharsets.UTF_8),
                event.metadata().getBytes(StandardCharsets.UTF_8));
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, upcasters.get())
                .asStream()
                .findFirst()
                .map(DomainEventMessage::getPayload)
                .filter(PartnerEvent.class::isInstance)
                .map(PartnerEvent.class::cast);
    }
}
