package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.PartnerEvent;
import io.sidecar.prm.query.readmodel.ReadModelStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code partners} collection: folds every partner-scoped event into its partner's document.
 */
@Component
@ProcessingGroup(PartnerProjection.NAME)
class PartnerProjection {

    static final String NAME = "partner-summary";

    private final ReadModelStore store;
    private final PartnerViewFold fold;

    PartnerProjection(ReadModelStore store, PartnerViewFold fold) {
        this.store = store;
        this.fold = fold;
    }

    @EventHandler
    void on(PartnerEvent event, DomainEventMessage<?> message) {
        store.update(
                PartnerView.class,
                event.partnerId(),
                message,
                view -> fold.apply(view, event, message.getSequenceNumber()));
    }

    /** A replay starts from an empty collection (the processor list says when it has caught up). */
    @ResetHandler
    void reset() {
        store.clear(PartnerView.class);
    }
}
