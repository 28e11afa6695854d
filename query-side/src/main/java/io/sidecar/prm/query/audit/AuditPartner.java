package io.sidecar.prm.query.audit;

import io.sidecar.prm.query.readmodel.ReadModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the audit log has recorded of one partner: how many events its history holds, the head of each of its
 * streams (its own and its deals'), and for every block of {@link #BLOCK} entries the range of instants its events
 * occurred at, so that a time range reads only the blocks it can touch. One document per partner in
 * {@code audit_partners}.
 *
 * @param id      the partner's id
 * @param entries the number of events in its history
 * @param streams the partner's stream first, then its deals' in the order they were recorded
 * @param blocks  block n covers entries {@code n × BLOCK} up to the next block
 */
@Document("audit_partners")
public record AuditPartner(@Id String id, long entries, List<StreamHead> streams, List<Block> blocks)
        implements ReadModel {

    /** Entries per block of the history. */
    static final int BLOCK = 8 * AuditPage.SIZE;

    public AuditPartner {
        streams = List.copyOf(streams);
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    /** A partner whose history is still empty. */
    static AuditPartner empty(String partnerId) {
        return new AuditPartner(partnerId, 0, List.of(), List.of());
    }

    /**
     * The head of one aggregate's hash chain as recorded.
     *
     * @param aggregateType {@code Partner} or {@code Deal}
     * @param aggregateId   the aggregate
     * @param events        how many of its events are recorded (the next sequence number)
     * @param hash          the hash of its last recorded event
     * @param ordinals      for a deal's stream, where each of its events is in the partner's history; empty for the
     *                      partner's own stream (whose events are most of the history)
     */
    public record StreamHead(String aggregateType, String aggregateId, long events, String hash, List<Long> ordinals) {

        public StreamHead {
            ordinals = ordinals == null ? List.of() : List.copyOf(ordinals);
        }
    }

    /**
     * The earliest and latest instant the events of one block occurred at (ISO-8601, as precise as the events).
     *
     * @param earliest the earliest
     * @param latest   the latest
     */
    public record Block(String earliest, String latest) {

        boolean intersects(Instant from, Instant to) {
            return (from == null || !Instant.parse(latest).isBefore(from))
                    && (to == null || Instant.parse(earliest).isBefore(to));
        }

        boolean within(Instant from, Instant to) {
            return (from == null || !Instant.parse(earliest).isBefore(from))
                    && (to == null || Instant.parse(latest).isBefore(to));
        }

        Block with(Instant occurredAt) {
            Instant first = Instant.parse(earliest);
            Instant last = Instant.parse(latest);
            return new Block(
                    (occurredAt.isBefore(first) ? occurredAt : first).toString(),
                    (occurredAt.isAfter(last) ? occurredAt : last).toString());
        }
    }

    @Override
    public long appliedVersion(String aggregateId) {
        return stream(aggregateId).map(StreamHead::events).orElse(0L);
    }

    /** The recorded head of one of the partner's streams. */
    public Optional<StreamHead> stream(String aggregateId) {
        return streams.stream().filter(s -> s.aggregateId().equals(aggregateId)).findFirst();
    }

    /** The hash an event of this stream chains from: its previous event's, or the genesis hash. */
    String previousHash(String aggregateId) {
        return stream(aggregateId).map(StreamHead::hash).orElse(AuditChain.GENESIS);
    }

    /** This record with one more event (the next entry of the history) appended to its stream. */
    AuditPartner with(String aggregateType, String aggregateId, String hash, Instant occurredAt) {
        Optional<StreamHead> current = stream(aggregateId);
        List<Long> ordinals = new ArrayList<>(current.map(StreamHead::ordinals).orElse(List.of()));
        if (!aggregateId.equals(id)) {
            ordinals.add(entries);
        }
        StreamHead head = new StreamHead(
                aggregateType, aggregateId, current.map(StreamHead::events).orElse(0L) + 1, hash, ordinals);
        List<StreamHead> nextStreams = new ArrayList<>(streams);
        if (current.isPresent()) {
            nextStreams.set(streams.indexOf(current.get()), head);
        } else {
            nextStreams.add(head);
        }
        List<Block> nextBlocks = new ArrayList<>(blocks);
        if (entries % BLOCK == 0) {
            nextBlocks.add(new Block(occurredAt.toString(), occurredAt.toString()));
        } else {
            nextBlocks.set(
                    nextBlocks.size() - 1, nextBlocks.get(nextBlocks.size() - 1).with(occurredAt));
        }
        return new AuditPartner(id, entries + 1, nextStreams, nextBlocks);
    }
}
