package io.sidecar.prm.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.query.web.UnknownResourceException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Verification: recomputes the hash chains from the event store as stored and compares them with what the audit
 * log recorded when it first saw each event. Each stream's recomputed head is compared with its recorded head (one
 * read per partner, not per event); only a stream whose head differs is walked again, event by event, to name the
 * first event that differs. Events the audit log has not recorded yet are counted, not judged.
 */
@Component
class AuditVerification {

    private static final long PROGRESS_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final AuditLog log;
    private final StoredEvents events;
    private final MongoTemplate mongo;

    AuditVerification(AuditLog log, StoredEvents events, MongoTemplate mongo) {
        this.log = log;
        this.events = events;
        this.mongo = mongo;
    }

    /** One partner's streams: its own and its deals'. */
    Result partner(String partnerId) {
        AuditPartner partner =
                log.partner(partnerId).orElseThrow(() -> new UnknownResourceException("partner", partnerId));
        Tally tally = new Tally();
        for (AuditPartner.StreamHead head : partner.streams()) {
            StreamCheck check = new StreamCheck(partnerId, head);
            try (Stream<StoredEvent> stored = events.stream(head.aggregateId())) {
                stored.forEach(check::accept);
            }
            tally.add(check);
        }
        tally.logAltered(alteredEntry(partner));
        return tally.result(partner.streams().stream().map(Head::of).toList());
    }

    /**
     * The first entry of the partner's history (what history and export show) whose own content no longer gives its
     * recorded hash, walking each stream's chain through the entries. With the heads verified against the store,
     * a clean walk proves every entry equal to its stored event.
     */
    private Mismatch alteredEntry(AuditPartner partner) {
        Map<String, String> chains = new HashMap<>();
        try (Stream<AuditEntry> entries = log.history(partner.id(), partner.entries())) {
            for (AuditEntry entry : (Iterable<AuditEntry>) entries::iterator) {
                String previous = chains.getOrDefault(entry.aggregateId(), AuditChain.GENESIS);
                String found;
                try {
                    found = AuditChain.next(previous, StoredEvent.of(entry));
                } catch (RuntimeException e) {
                    found = "unreadable (" + e.getMessage() + ")";
                }
                if (!found.equals(entry.hash())) {
                    return new Mismatch(
                            entry.aggregateType(),
                            entry.aggregateId(),
                            entry.sequence(),
                            entry.hash(),
                            "the audit log's entry gives " + found);
                }
                if (!showsWhatItHashes(entry)) {
                    return new Mismatch(
                            entry.aggregateType(),
                            entry.aggregateId(),
                            entry.sequence(),
                            entry.hash(),
                            "the audit log's entry shows a type, time or actor its hashed content does not hold");
                }
                chains.put(entry.aggregateId(), found);
            }
        }
        return null;
    }

    /** Every stream in the store, read once in global order. */
    Result everything() {
        return everything(progress -> {});
    }

    /**
     * Every stream in the store, read once in global order, telling {@code progress} how far it has read about once
     * a second.
     */
    Result everything(Consumer<Progress> progress) {
        Map<String, StreamCheck> checks = new LinkedHashMap<>();
        try (Stream<AuditPartner> partners = mongo.stream(new Query(), AuditPartner.class)) {
            partners.forEach(partner -> partner.streams()
                    .forEach(head -> checks.put(head.aggregateId(), new StreamCheck(partner.id(), head))));
        }
        Tally tally = new Tally();
        long head = events.headPosition();
        try (BlockingStream<TrackedEventMessage<?>> all = events.source().openStream(null)) {
            long position = -1;
            long read = 0;
            long reported = System.nanoTime();
            while (position < head) {
                if (!all.hasNextAvailable(30, TimeUnit.SECONDS)) {
                    // a verdict on streams not read to their end would be a false alarm
                    throw new ResponseStatusException(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "the event store stopped delivering at position " + position);
                }
                TrackedEventMessage<?> message = all.nextAvailable();
                position = message.trackingToken().position().orElse(position);
                read++;
                if (System.nanoTime() - reported > PROGRESS_INTERVAL) {
                    progress.accept(new Progress(read, position, head));
                    reported = System.nanoTime();
                }
                if (message instanceof DomainEventMessage<?> domain) {
                    StreamCheck check = checks.get(domain.getAggregateIdentifier());
                    if (check == null) {
                        tally.notYetRecorded++;
                    } else {
                        check.accept(events.stored(domain));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        }
        checks.values().forEach(tally::add);
        return tally.result(null);
    }

    /** The fields history shows beside the hashed content (who, in which request, what, when) agree with it. */
    private boolean showsWhatItHashes(AuditEntry entry) {
        StoredEvent stored = StoredEvent.of(entry);
        JsonNode metadata = stored.metadataTree();
        return Objects.equals(entry.actor(), text(metadata, PrmMetadata.ACTOR))
                && Objects.equals(entry.correlationId(), text(metadata, PrmMetadata.CORRELATION_ID))
                && Objects.equals(entry.causationId(), text(metadata, PrmMetadata.CAUSATION_ID))
                && entry.type().equals(stored.type())
                && events.current(stored)
                        .map(event -> event.occurredAt().toString().equals(entry.occurredAt()))
                        .orElse(false);
    }

    private static String text(JsonNode metadata, String key) {
        JsonNode value = metadata.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The first recorded event of a stream whose hash the store's events no longer give. */
    private Mismatch firstMismatch(String partnerId, AuditPartner.StreamHead head) {
        AuditPartner partner = log.partner(partnerId).orElse(AuditPartner.empty(partnerId));
        String hash = AuditChain.GENESIS;
        try (Stream<StoredEvent> stored = events.stream(head.aggregateId())) {
            Iterator<StoredEvent> store = stored.iterator();
            Iterator<AuditEntry> recorded =
                    log.stream(partner, head).limit(head.events()).iterator();
            while (recorded.hasNext()) {
                AuditEntry entry = recorded.next();
                String found;
                try {
                    found = store.hasNext() ? AuditChain.next(hash, store.next()) : "missing from the event store";
                } catch (UncheckedIOException e) {
                    found = "unreadable (" + e.getMessage() + ")";
                }
                if (!found.equals(entry.hash())) {
                    return new Mismatch(
                            head.aggregateType(), head.aggregateId(), entry.sequence(), entry.hash(), found);
                }
                hash = found;
            }
        }
        // the recorded entries chain to the recorded head but the head does not: the log itself was altered
        return new Mismatch(
                head.aggregateType(), head.aggregateId(), head.events() - 1, head.hash(), "(audit log inconsistent)");
    }

    /**
     * What verification found.
     *
     * @param verified             every recorded event's hash recomputed from the store equals the recorded one
     * @param streamsChecked       streams compared
     * @param eventsChecked        events of streams whose chain verified
     * @param eventsNotYetRecorded events in the store the audit log has not recorded yet (not judged)
     * @param streamsFailed        streams whose recomputed chain differs from the recorded one
     * @param heads                for one partner: its streams' recorded chain heads (for the whole store: absent)
     * @param firstMismatch        the first difference found, absent when verified
     */
    record Result(
            boolean verified,
            long streamsChecked,
            long eventsChecked,
            long eventsNotYetRecorded,
            long streamsFailed,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Head> heads,
            @JsonInclude(JsonInclude.Include.NON_NULL) Mismatch firstMismatch) {}

    /**
     * How far a verification of the whole store has read.
     *
     * @param eventsRead events read from the store so far
     * @param position   the global position reached
     * @param head       the store's head position when verification started
     */
    record Progress(long eventsRead, long position, long head) {}

    /** A chain head: the hash of a stream's last recorded event. */
    record Head(String aggregateType, String aggregateId, long sequence, String hash) {
        static Head of(AuditPartner.StreamHead head) {
            return new Head(head.aggregateType(), head.aggregateId(), head.events() - 1, head.hash());
        }
    }

    /** Where the store and the audit log first differ: the recorded hash and the one recomputed from the store. */
    record Mismatch(String aggregateType, String aggregateId, long sequence, String expected, String found) {}

    private final class Tally {
        long streams;
        long events;
        long notYetRecorded;
        long failed;
        Mismatch first;

        void add(StreamCheck check) {
            streams++;
            events += check.checked();
            notYetRecorded += check.notYetRecorded();
            if (!check.verified()) {
                failed++;
                if (first == null) {
                    first = firstMismatch(check.partnerId(), check.recorded());
                }
            }
        }

        void logAltered(Mismatch altered) {
            if (altered != null) {
                failed++;
                if (first == null) {
                    first = altered;
                }
            }
        }

        Result result(List<Head> heads) {
            return new Result(first == null, streams, events, notYetRecorded, failed, heads, first);
        }
    }
}
