package io.sidecar.prm.query.deal;

import io.sidecar.prm.events.deal.DealEvent;
import io.sidecar.prm.query.readmodel.ReadModelStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code deals} collection: folds every event of a deal into its document. */
@Component
@ProcessingGroup(DealProjection.NAME)
class DealProjection {

    static final String NAME = "deals";

    private final ReadModelStore store;

    DealProjection(ReadModelStore store) {
        this.store = store;
    }

    @EventHandler
    void on(DealEvent event, DomainEventMessage<?> message) {
        store.update(
                DealView.class,
                event.dealId(),
                message,
                view -> DealViewFold.apply(view, event, message.getSequenceNumber()));
    }

    /** A replay starts from an empty collection (the processor list says when it has caught up). */
    @ResetHandler
    void reset() {
        store.clear(DealView.class);
    }
}
