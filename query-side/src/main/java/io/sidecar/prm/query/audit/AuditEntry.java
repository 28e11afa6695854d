package io.sidecar.prm.query.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.security.personal.StoredPayloads;
import java.time.Instant;

/**
 * One event of a partner's history as the audit log recorded it when it first saw it, with the hash that chains it
 * to its stream's previous event. Kept in {@link AuditPage}s of the partner's history; a deal's events are found
 * through its stream's ordinals in {@link AuditPartner}.
 *
 * @param ordinal       its place in the partner's history, from 0
 * @param partnerId     the partner whose history it belongs to
 * @param position      its global position in the event store
 * @param eventId       the event's id
 * @param aggregateType {@code Partner} or {@code Deal}
 * @param aggregateId   the aggregate's id
 * @param sequence      its sequence number in the aggregate's stream
 * @param type          the event's name ({@code PartnerOnboarded})
 * @param payloadType   its stored payload type (a class name), for recomputing its hash
 * @param revision      the revision it was stored at
 * @param occurredAt    when it happened, by the product's clock (ISO-8601, as precise as the event holds it)
 * @param recordedAt    when the event store recorded it (ISO-8601)
 * @param actor         who did it
 * @param correlationId the request it came from
 * @param causationId   the message that caused it
 * @param payload       the payload as stored (JSON); shown {@link #revealed}
 * @param metadata      the metadata as stored (JSON)
 * @param hash          the chain hash of this event (see {@link AuditChain})
 * @see #actorPartnerId()
 */
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
    "actorPartnerId",
    "correlationId",
    "causationId",
    "payload",
    "hash"
})
public record AuditEntry(
        @JsonIgnore long ordinal,
        @JsonIgnore String partnerId,
        long position,
        @JsonIgnore String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String type,
        @JsonIgnore String payloadType,
        String revision,
        String occurredAt,
        String recordedAt,
        String actor,
        String correlationId,
        String causationId,
        @JsonRawValue String payload,
        @JsonIgnore String metadata,
        String hash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The partner of the partner user who did it, {@code null} unless a partner user did. Read from the hashed
     * metadata each time, so that it cannot disagree with it and entries recorded before it was shown have it too.
     */
    @JsonProperty("actorPartnerId")
    public String actorPartnerId() {
        if (metadata == null || !metadata.contains(PrmMetadata.ACTOR_PARTNER_ID)) {
            return null;
        }
        try {
            JsonNode value = JSON.readTree(metadata).get(PrmMetadata.ACTOR_PARTNER_ID);
            return value == null || value.isNull() ? null : value.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored metadata of event " + eventId + " is not JSON", e);
        }
    }

    /**
     * This entry as history and export show it: its payload's personal data revealed (clear while the partner's key
     * exists, {@code [erased]} after). The recorded entry, whose stored payload the hash covers, is not changed.
     */
    public AuditEntry revealed(StoredPayloads payloads) {
        String shown = payloads.reveal(payload, partnerId);
        return shown.equals(payload)
                ? this
                : new AuditEntry(
                        ordinal,
                        partnerId,
                        position,
                        eventId,
                        aggregateType,
                        aggregateId,
                        sequence,
                        type,
                        payloadType,
                        revision,
                        occurredAt,
                        recordedAt,
                        actor,
                        correlationId,
                        causationId,
                        shown,
                        metadata,
                        hash);
    }

    /** When it happened, by the product's clock. */
    public Instant occurredInstant() {
        return Instant.parse(occurredAt);
    }
}
