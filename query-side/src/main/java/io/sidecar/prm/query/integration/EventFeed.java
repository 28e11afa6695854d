package io.sidecar.prm.query.integration;

import io.cloudevents.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * The integration events, read from the event store itself in its global order with a cursor: the store is the
 * only source of truth and keeps every event, so a consumer that comes back with its cursor after any outage (of
 * its own or of the product) resumes exactly where it stopped. Nothing is copied into another store.
 */
public class EventFeed {

    /** Events looked at for one page at most, so a narrow type filter answers in bounded time. */
    static final int SCAN_LIMIT = 10_000;
    /** Positions below the head a new consumer's cursor keeps waiting for, if they were not committed yet. */
    static final int START_WINDOW = 256;
    /** How long a read waits for the store before it answers with what it has. */
    static final long STALL_MILLIS = 10_000;

    private final EventStore store;
    private final FeedCursors cursors;
    private final IntegrationEvents events;

    /**
     * @param store   Axon's event store (with the upcasters: the public payload is mapped from the current revision)
     * @param cursors how this store's tokens are written as cursors
     * @param events  the public mapping
     */
    public EventFeed(EventStore store, FeedCursors cursors, IntegrationEvents events) {
        this.store = store;
        this.cursors = cursors;
        this.events = events;
    }

    /** Every public event type. */
    public Set<String> types() {
        return events.types();
    }

    /** The public mapping. */
    public IntegrationEvents events() {
        return events;
    }

    /** The global position of the newest event in the store now, -1 when it is empty. */
    public long headPosition() {
        TrackingToken head = store.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1L);
    }

    /** Checks a cursor; throws {@link IllegalArgumentException} naming what is wrong with it. */
    public void check(String cursor) {
        cursors.parse(cursor);
    }

    /**
     * The next page: up to {@code limit} events after the cursor whose type is one of {@code types} (any when
     * empty). Fewer, even none, when the store has no more now, or when {@value #SCAN_LIMIT} events were looked at.
     */
    public FeedPage read(String after, int limit, Set<String> types) {
        long headPosition = headPosition();
        List<FeedEvent> page = new ArrayList<>();
        try (Reader reader = open(after)) {
            int scanned = 0;
            while (page.size() < limit && scanned < SCAN_LIMIT) {
                long wait = reader.position() >= headPosition ? 0 : STALL_MILLIS;
                Optional<TrackedEventMessage<?>> message = reader.nextMessage(wait);
                if (message.isEmpty()) {
                    break;
                }
                scanned++;
                reader.map(message.get(), types).ifPresent(page::add);
            }
            return new FeedPage(page, reader.cursor());
        }
    }

    /**
     * The event {@code eventId} read again from the store, starting right after {@code before} (where it was
     * found the first time): a re-sent webhook shows the event as the store and the mapping give it now. Empty when
     * the store, read to its head, does not have it.
     *
     * @throws IllegalStateException if the store did not answer in time
     */
    public Optional<FeedEvent> find(String before, String eventId) {
        long headPosition = headPosition();
        try (Reader reader = open(before)) {
            for (int scanned = 0; scanned < SCAN_LIMIT; scanned++) {
                boolean atHead = reader.position() >= headPosition;
                Optional<TrackedEventMessage<?>> message = reader.nextMessage(atHead ? 0 : STALL_MILLIS);
                if (message.isEmpty()) {
                    if (atHead) {
                        return Optional.empty();
                    }
                    throw new IllegalStateException("the event store did not answer within " + STALL_MILLIS + " ms");
                }
                if (message.get().getIdentifier().equals(eventId)) {
                    return reader.map(message.get(), Set.of());
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The cursor of "now" for a new consumer that wants only what is recorded from here on: after every event
     * committed now, but still waiting for the positions below the head that transactions in flight took and have
     * not committed yet (a gap-aware store's token learns those gaps by reading the last
     * {@value #START_WINDOW} positions).
     */
    public String startCursor() {
        TrackingToken head = store.createHeadToken();
        if (head == null || !(head instanceof GapAwareTrackingToken gapAware)) {
            return cursors.format(head);
        }
        long from = gapAware.getIndex() - START_WINDOW;
        try (Reader reader = open(from < 0 ? null : Long.toString(from))) {
            while (reader.position() < gapAware.getIndex()) {
                Optional<TrackedEventMessage<?>> message = reader.nextMessage(STALL_MILLIS);
                if (message.isEmpty()) {
                    return cursors.format(head);
                }
                reader.advance(message.get());
            }
            return reader.cursor();
        }
    }

    /** An open reader after the cursor, for the caller to close. */
    public Reader open(String after) {
        TrackingToken token = cursors.parse(after);
        return new Reader(store.openStream(token), token, after);
    }

    /** Reads the store forward from a cursor, one event at a time; remembers the cursor after the last one. */
    public final class Reader implements AutoCloseable {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private TrackingToken last;
        private String cursor;

        private Reader(BlockingStream<TrackedEventMessage<?>> stream, TrackingToken start, String startCursor) {
            this.stream = stream;
            this.last = start;
            this.cursor = startCursor;
        }

        /**
         * The next event after the cursor whose type is one of {@code types} (any when empty), waiting up to
         * {@code waitMillis} for the store; empty when none came in that time.
         */
        public Optional<FeedEvent> next(long waitMillis, Set<String> types) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                Optional<TrackedEventMessage<?>> message = nextMessage(Math.max(0, left));
                if (message.isEmpty()) {
                    return Optional.empty();
                }
                Optional<FeedEvent> event = map(message.get(), types);
                if (event.isPresent()) {
                    return event;
                }
            }
        }

        /** Where the reader is: after the last event it read, the cursor it started from before that. */
        public String cursor() {
            return cursor;
        }

        long position() {
            return last == null ? -1 : last.position().orElse(-1L);
        }

        private Optional<TrackedEventMessage<?>> nextMessage(long waitMillis) {
            try {
                if (!stream.hasNextAvailable((int) Math.min(Integer.MAX_VALUE, waitMillis), TimeUnit.MILLISECONDS)) {
                    return Optional.empty();
                }
                return Optional.of(stream.nextAvailable());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        /** Moves the cursor past the message; the event it is, if the feed publishes it and its type is asked for. */
        private Optional<FeedEvent> map(TrackedEventMessage<?> message, Set<String> types) {
            TrackingToken before = last;
            String cursorBefore = cursor;
            advance(message);
            if (!(message instanceof DomainEventMessage<?> domain) || !events.publishes(message.getPayload())) {
                return Optional.empty();
            }
            CloudEvent event = events.toCloudEvent(domain, FeedCursors.positionOf(before, last));
            if (!types.isEmpty() && !types.contains(event.getType())) {
                return Optional.empty();
            }
            return Optional.of(new FeedEvent(cursorBefore, cursor, message.getIdentifier(), event));
        }

        /** Moves the cursor past the message. */
        private void advance(TrackedEventMessage<?> message) {
            last = message.trackingToken();
            cursor = cursors.format(last);
        }

        @Override
        public void close() {
            stream.close();
        }
    }

    /**
     * One integration event where the feed found it.
     *
     * @param before  the cursor right before it: reading again from there finds it first (or after events that
     *                committed late below it)
     * @param cursor  the cursor right after it
     * @param eventId the domain event's id, also the CloudEvent's
     * @param event   the CloudEvent
     */
    public record FeedEvent(String before, String cursor, String eventId, CloudEvent event) {}

    /**
     * A page of the feed.
     *
     * @param events the events, in the store's order
     * @param next   the cursor to continue from
     */
    public record FeedPage(List<FeedEvent> events, String next) {}
}
