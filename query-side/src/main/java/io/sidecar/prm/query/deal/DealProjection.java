package io.sidecar.prm.query.deal;

import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealProtectionExtended;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import io.sidecar.prm.events.deal.DealRejected;
import io.sidecar.prm.events.deal.DealStageAdvanced;
import io.sidecar.prm.events.deal.DealWithdrawn;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.query.readmodel.ReadModelStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code deals} collection: folds every event of a deal into its document. One handler per event type
 * (rather than one for a common supertype) so that the processor's handler list says exactly what it reads.
 */
@Component
@ProcessingGroup(DealProjection.NAME)
class DealProjection {

    static final String NAME = "deals";

    private final ReadModelStore store;

    DealProjection(ReadModelStore store) {
        this.store = store;
    }

    @EventHandler
    void on(DealRecorded event, DomainEventMessage<?> message) {
        fold(event.dealId(), event, message);
    }

    @EventHandler
    void on(DealApproved event, DomainEventMessage<?> message) {
        fold(event.dealId(), event, message);
    }

    @EventHandler
    void on(DealRejected event, DomainEventMessage<?> message) {
        fold(event.dealId(), event, message);
    }

    @EventHandler
    void on(DealStageAdvanced event, DomainEventMessage<?> message) {
        fold(event.dealId(), event, message);
    }

    @EventHandler
    void on(DealProtectionExtended event, DomainEventMessage<?> message) {
        fold(event.dealId(), event, message);
    }

    @EventHandler
    void on(DealWon event, DomainEventMessage<?> message) {
        fold(event.dealId(), event, message);
    }

    @EventHandler
    void on(DealLost event, DomainEventMessage<?> message) {
        fold(event.dealId(), event, message);
    }

    @EventHandler
    void on(DealRegistrationExpired event, DomainEventMessage<?> message) {
        fold(event.dealId(), event, message);
    }

    @EventHandler
    void on(DealWithdrawn event, DomainEventMessage<?> message) {
        fold(event.dealId(), event, message);
    }

    private void fold(String dealId, Object event, DomainEventMessage<?> message) {
        store.update(
                DealView.class, dealId, message, view -> DealViewFold.apply(view, event, message.getSequenceNumber()));
    }
}
