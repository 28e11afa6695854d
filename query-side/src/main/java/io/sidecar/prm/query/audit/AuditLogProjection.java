package io.sidecar.prm.query.audit;

import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.query.readmodel.ReadModelStore;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * The audit log: records every partner event once, as stored, in its partner's history, and chains it to its
 * stream's previous event with a hash computed here, the first time the event is seen (ADR 008). Fed from
 * {@link StoredEvents} by a processor of one segment, so a partner's history is numbered in global order.
 *
 * <p>It is not a read model to rebuild: the hashes it records are the witness verification compares the store
 * with, so a replay would launder a tampered store. The admin endpoint refuses to replay it.
 */
@Component
@ProcessingGroup(AuditLogProjection.NAME)
public class AuditLogProjection {

    /** The processor's name. */
    public static final String NAME = "audit-log";

    private final ReadModelStore store;
    private final StoredEvents events;

    AuditLogProjection(ReadModelStore store, StoredEvents events) {
        this.store = store;
        this.events = events;
    }

    // every event, judged by its upcast form: a class renamed through an upcaster is still recorded
    @EventHandler(payloadType = Object.class)
    void on(DomainEventMessage<?> message) {
        StoredEvent stored = events.stored(message);
        Optional<PartnerEvent> current = events.current(stored);
        if (current.isEmpty()) {
            return;
        }
        PartnerEvent event = current.get();
        AuditPartner partner = store.current(AuditPartner.class, event.partnerId())
                .orElseGet(() -> AuditPartner.empty(event.partnerId()));
        if (partner.appliedVersion(stored.aggregateId()) > stored.sequence()) {
            return;
        }
        String hash = AuditChain.next(partner.previousHash(stored.aggregateId()), stored);
        MetaData metadata = message.getMetaData();
        AuditEntry entry = new AuditEntry(
                partner.entries(),
                partner.id(),
                message instanceof TrackedEventMessage<?> tracked ? events.position(tracked) : -1,
                stored.eventId(),
                stored.aggregateType(),
                stored.aggregateId(),
                stored.sequence(),
                stored.type(),
                stored.payloadType(),
                stored.revision(),
                event.occurredAt().toString(),
                stored.timestamp().toString(),
                text(metadata, PrmMetadata.ACTOR),
                text(metadata, PrmMetadata.CORRELATION_ID),
                text(metadata, PrmMetadata.CAUSATION_ID),
                stored.payload(),
                stored.metadata(),
                hash);
        AuditPage page = entry.ordinal() % AuditPage.SIZE == 0
                ? AuditPage.empty(partner.id(), entry.ordinal())
                : store.current(AuditPage.class, AuditPage.key(partner.id(), entry.ordinal()))
                        .orElseGet(() -> AuditPage.empty(partner.id(), entry.ordinal()));
        store.put(AuditPage.class, page.with(entry));
        store.put(
                AuditPartner.class,
                partner.with(stored.aggregateType(), stored.aggregateId(), hash, event.occurredAt()));
    }

    private static String text(MetaData metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }
}
