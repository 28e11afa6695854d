package io.sidecar.prm.query.audit;

import io.sidecar.prm.query.readmodel.ReadModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the audit log has recorded of one partner: how many events its history holds and the head of each of its
 * streams (its own and its deals'). One document per partner in {@code audit_partners}.
 *
 * @param id      the partner's id
 * @param entries the number of events in its history
 * @param streams the partner's stream first, then its deals' in the order they were recorded
 */
@Document("audit_partners")
public record AuditPartner(@Id String id, long entries, List<StreamHead> streams) implements ReadModel {

    public AuditPartner {
        streams = List.copyOf(streams);
    }

    /** A partner whose history is still empty. */
    static AuditPartner empty(String partnerId) {
        return new AuditPartner(partnerId, 0, List.of());
    }

    /**
     * The head of one aggregate's hash chain as recorded.
     *
     * @param aggregateType {@code Partner} or {@code Deal}
     * @param aggregateId   the aggregate
     * @param events        how many of its events are recorded (the next sequence number)
     * @param hash          the hash of its last recorded event
     */
    public record StreamHead(String aggregateType, String aggregateId, long events, String hash) {}

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

    /** This record with one more event appended to the given stream. */
    AuditPartner with(StreamHead head) {
        List<StreamHead> next = new ArrayList<>(streams);
        int at = next.indexOf(stream(head.aggregateId()).orElse(null));
        if (at < 0) {
            next.add(head);
        } else {
            next.set(at, head);
        }
        return new AuditPartner(id, entries + 1, next);
    }
}
