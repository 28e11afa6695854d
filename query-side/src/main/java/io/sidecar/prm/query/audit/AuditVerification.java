package io.sidecar.prm.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sidecar.prm.query.web.UnknownResourceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Verification: recomputes the hash chains from the event store as stored and compares every event's hash with
 * the one the audit log recorded when it first saw the event. Events the audit log has not seen yet are counted,
 * not judged.
 */
@Component
class AuditVerification {

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
            StreamCheck check = new StreamCheck(head.aggregateType(), head.aggregateId());
            try (Stream<StoredEvent> stored = events.stream(head.aggregateId())) {
                Iterator<StoredEvent> store = stored.iterator();
                Iterator<AuditEntry> recorded =
                        log.stream(head.aggregateId(), head.events()).iterator();
                while (recorded.hasNext() && check.ok()) {
                    AuditEntry entry = recorded.next();
                    if (store.hasNext()) {
                        check.check(store.next(), entry);
                    } else {
                        check.missing(entry.sequence(), entry.hash());
                    }
                }
                while (check.ok() && store.hasNext()) {
                    store.next();
                    tally.notYetRecorded++;
                }
            }
            tally.add(check);
        }
        return tally.result(partner.streams().stream().map(Head::of).toList());
    }

    /** Every stream in the store, read once in global order. */
    Result everything() {
        Map<String, StreamCheck> checks = new HashMap<>();
        Tally tally = new Tally();
        long head = events.headPosition();
        try (BlockingStream<TrackedEventMessage<?>> all = events.source().openStream(null)) {
            List<StoredEvent> batch = new ArrayList<>();
            long position = -1;
            while (position < head && all.hasNextAvailable(5, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = all.nextAvailable();
                position = message.trackingToken().position().orElse(position);
                if (message instanceof DomainEventMessage<?> domain) {
                    batch.add(events.stored(domain));
                }
                if (batch.size() == AuditLog.CHUNK || position >= head) {
                    compare(batch, checks, tally);
                    batch.clear();
                }
            }
            compare(batch, checks, tally);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        }
        try (Stream<AuditPartner> partners =
                mongo.stream(new org.springframework.data.mongodb.core.query.Query(), AuditPartner.class)) {
            partners.flatMap(p -> p.streams().stream()).forEach(recorded -> {
                StreamCheck check = checks.computeIfAbsent(
                        recorded.aggregateId(), id -> new StreamCheck(recorded.aggregateType(), id));
                if (check.ok() && check.checked() < recorded.events()) {
                    check.missing(check.checked(), "(recorded)");
                }
            });
        }
        checks.values().forEach(tally::add);
        return tally.result(null);
    }

    private void compare(List<StoredEvent> batch, Map<String, StreamCheck> checks, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, AuditEntry> recorded = log
                .byStreamKeys(batch.stream()
                        .map(e -> AuditEntry.streamKey(e.aggregateId(), e.sequence()))
                        .toList())
                .stream()
                .collect(Collectors.toMap(AuditEntry::stream, Function.identity()));
        for (StoredEvent stored : batch) {
            AuditEntry entry = recorded.get(AuditEntry.streamKey(stored.aggregateId(), stored.sequence()));
            if (entry == null) {
                tally.notYetRecorded++;
            } else {
                checks.computeIfAbsent(stored.aggregateId(), id -> new StreamCheck(stored.aggregateType(), id))
                        .check(stored, entry);
            }
        }
    }

    /**
     * What verification found.
     *
     * @param verified             every recorded event's hash recomputed from the store equals the recorded one
     * @param streamsChecked       streams compared
     * @param eventsChecked        events whose hash matched
     * @param eventsNotYetRecorded events in the store the audit log has not recorded yet (not judged)
     * @param heads                for one partner: its streams' recorded chain heads (for the whole store: absent)
     * @param firstMismatch        the first difference found, absent when verified
     */
    record Result(
            boolean verified,
            long streamsChecked,
            long eventsChecked,
            long eventsNotYetRecorded,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Head> heads,
            @JsonInclude(JsonInclude.Include.NON_NULL) Mismatch firstMismatch) {}

    /** A chain head: the hash of a stream's last recorded event. */
    record Head(String aggregateType, String aggregateId, long sequence, String hash) {
        static Head of(AuditPartner.StreamHead head) {
            return new Head(head.aggregateType(), head.aggregateId(), head.events() - 1, head.hash());
        }
    }

    /** Where the store and the audit log first differ: the recorded hash and the one recomputed from the store. */
    record Mismatch(String aggregateType, String aggregateId, long sequence, String expected, String found) {}

    private static final class Tally {
        long streams;
        long events;
        long notYetRecorded;
        Mismatch first;

        void add(StreamCheck check) {
            streams++;
            events += check.checked();
            if (first == null && !check.ok()) {
                first = check.mismatch();
            }
        }

        Result result(List<Head> heads) {
            return new Result(first == null, streams, events, notYetRecorded, heads, first);
        }
    }
}
