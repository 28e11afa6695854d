package io.sidecar.prm.query.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.sidecar.prm.query.readmodel.ReadModel;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event of a partner's history as the audit log recorded it when it first saw it, with the hash that chains it
 * to its stream's previous event. One document per event in the {@code audit_log} collection, keyed by the partner
 * and the event's place in the partner's history ({@link #key}); its only index is {@code _id}, because every index
 * costs the embedded store a lookup per insert. A deal's events are found through its stream's ordinals in
 * {@link AuditPartner}.
 *
 * @param id            {@code partnerId/ordinal}: the n-th event (from 0) of the partner's history
 * @param partnerId     the partner whose history it belongs to
 * @param position      its global position in the event store
 * @param eventId       the event's id
 * @param aggregateType {@code Partner} or {@code Deal}
 * @param aggregateId   the aggregate's id
 * @param sequence      its sequence number in the aggregate's stream
 * @param type          the event's name ({@code PartnerOnboarded})
 * @param revision      the revision it was stored at
 * @param occurredAt    when it happened, by the product's clock (ISO-8601, as precise as the event holds it)
 * @param recordedAt    when the event store recorded it (ISO-8601)
 * @param actor         who did it
 * @param correlationId the request it came from
 * @param causationId   the message that caused it
 * @param payload       the payload as stored (JSON)
 * @param metadata      the metadata as stored (JSON)
 * @param hash          the chain hash of this event (see {@link AuditChain})
 */
@Document("audit_log")
@JsonPropertyOrder({
    "position",
    "aggregateType",
    "aggregateId",
    "sequence",
    "type",
    "revision",
    "occurredAt",
    "recordedAt",
    "actor",
    "correlationId",
    "causationId",
    "payload",
    "hash"
})
public record AuditEntry(
        @Id @JsonIgnore String id,
        @JsonIgnore String partnerId,
        long position,
        @JsonIgnore String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String type,
        String revision,
        String occurredAt,
        String recordedAt,
        String actor,
        String correlationId,
        String causationId,
        @JsonRawValue String payload,
        @JsonIgnore String metadata,
        String hash)
        implements ReadModel {

    /** The id of the n-th event (from 0) of a partner's history. */
    public static String key(String partnerId, long ordinal) {
        return partnerId + "/" + String.format("%012d", ordinal);
    }

    /** When it happened, by the product's clock. */
    public Instant occurredInstant() {
        return Instant.parse(occurredAt);
    }

    @Override
    public long appliedVersion(String aggregateId) {
        return this.aggregateId.equals(aggregateId) ? sequence + 1 : 0;
    }
}
