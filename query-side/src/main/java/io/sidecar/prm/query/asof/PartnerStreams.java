package io.sidecar.prm.query.asof;

import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.query.audit.AuditLog;
import io.sidecar.prm.query.audit.AuditPartner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Reads a partner's history from the event store itself, never from a read model: its own stream (whose id is the
 * partner's), then each other stream the audit log has indexed under the partner (its deals'). Every stream is
 * read from its first event (never a snapshot) and upcast to the current revisions, as the projections see them.
 */
@Component
class PartnerStreams {

    private final EventStore events;
    private final AuditLog auditLog;

    PartnerStreams(EventStore events, AuditLog auditLog) {
        this.events = events;
        this.auditLog = auditLog;
    }

    /**
     * The partner's whole history, or empty when the store holds no partner with this id. The partner's own stream is
     * read even before the audit log has indexed it; the other streams are found only through that index.
     */
    Optional<PartnerHistory> history(String partnerId) {
        List<HistoryEvent> own = read(partnerId, partnerId);
        if (own.isEmpty() || !(own.get(0).event() instanceof PartnerOnboarded)) {
            return Optional.empty();
        }
        List<List<HistoryEvent>> streams = new ArrayList<>();
        streams.add(own);
        for (AuditPartner.StreamHead stream :
                auditLog.partner(partnerId).map(AuditPartner::streams).orElse(List.of())) {
            if (!stream.aggregateId().equals(partnerId)) {
                streams.add(read(stream.aggregateId(), partnerId));
            }
        }
        return Optional.of(new PartnerHistory(own.get(0).event().occurredAt(), streams));
    }

    /**
     * A stream's events of this partner, read to the end even for an early instant: Axon's stream cannot be closed,
     * and one left half-read stays open on Axon Server.
     */
    private List<HistoryEvent> read(String aggregateId, String partnerId) {
        return events.readEvents(aggregateId, 0L)
                .asStream()
                .filter(message -> message.getPayload() instanceof PartnerEvent event
                        && event.partnerId().equals(partnerId))
                .map(PartnerStreams::historyEvent)
                .toList();
    }

    private static HistoryEvent historyEvent(DomainEventMessage<?> message) {
        return new HistoryEvent((PartnerEvent) message.getPayload(), message.getSequenceNumber());
    }
}
