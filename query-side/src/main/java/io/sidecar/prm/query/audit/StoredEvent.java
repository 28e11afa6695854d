package io.sidecar.prm.query.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * One event exactly as the event store holds it: the payload and metadata as stored (before any upcaster), with the
 * revision it was stored at. Its {@link #canonicalForm() canonical form} is what the audit hash chain covers, so a
 * later upcaster never changes the hash of an event already recorded.
 *
 * @param eventId       the event's id
 * @param aggregateType {@code Partner} or {@code Deal}
 * @param aggregateId   the aggregate's id
 * @param sequence      its sequence number in the aggregate's stream, from 0
 * @param timestamp     when the event store recorded it
 * @param payloadType   the stored payload type (a class name)
 * @param revision      the stored payload revision
 * @param payload       the stored payload, as JSON
 * @param metadata      the stored metadata, as JSON
 */
public record StoredEvent(
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant timestamp,
        String payloadType,
        String revision,
        String payload,
        String metadata) {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // a stored text with anything after its JSON, or a key twice, is not the text that was hashed
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

    /**
     * The stored form of a message read from an event store without upcasters: its payload and metadata are
     * taken as serialized, never deserialized.
     */
    public static StoredEvent of(DomainEventMessage<?> message, Serializer serializer) {
        SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metadata = message.serializeMetaData(serializer, byte[].class);
        return new StoredEvent(
                message.getIdentifier(),
                message.getType(),
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                message.getTimestamp(),
                payload.getType().getName(),
                payload.getType().getRevision(),
                new String(payload.getData(), StandardCharsets.UTF_8),
                new String(metadata.getData(), StandardCharsets.UTF_8));
    }

    /** An event as the audit log recorded it: its hash can be recomputed from the entry alone. */
    public static StoredEvent of(AuditEntry entry) {
        return new StoredEvent(
                entry.eventId(),
                entry.aggregateType(),
                entry.aggregateId(),
                entry.sequence(),
                Instant.parse(entry.recordedAt()),
                entry.payloadType(),
                entry.revision(),
                entry.payload(),
                entry.metadata());
    }

    /** The short name auditors read: {@code PartnerOnboarded}. */
    public String type() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /**
     * The bytes the hash chain covers: one JSON object with every field above, keys sorted at every level, no
     * whitespace, numbers as stored, UTF-8 (docs/adr/008-audit-log-and-hash-chain.md spells it out for auditors).
     *
     * @throws UncheckedIOException when the stored payload or metadata is not JSON (it was altered)
     */
    public byte[] canonicalForm() {
        ObjectNode form = CANONICAL.createObjectNode();
        form.put("aggregateId", aggregateId);
        form.put("aggregateType", aggregateType);
        form.put("eventId", eventId);
        form.set("metadata", parse(metadata));
        form.set("payload", parse(payload));
        form.put("payloadType", payloadType);
        form.put("revision", revision);
        form.put("sequence", sequence);
        form.put("timestamp", timestamp.toString());
        try {
            return CANONICAL.writeValueAsBytes(form);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stored metadata as a JSON tree. */
    public JsonNode metadataTree() {
        return parse(metadata);
    }

    /** The stored payload as a JSON tree. */
    public JsonNode payloadTree() {
        return parse(payload);
    }

    private static JsonNode parse(String json) {
        try {
            return CANONICAL.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }
}
