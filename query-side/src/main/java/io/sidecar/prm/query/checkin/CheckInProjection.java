package io.sidecar.prm.query.checkin;

import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.query.readmodel.ReadModelStore;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps the {@code check_ins} collection: one document per recorded check-in. */
@Component
@ProcessingGroup(CheckInProjection.NAME)
class CheckInProjection {

    static final String NAME = "check-ins";

    private final ReadModelStore store;

    CheckInProjection(ReadModelStore store) {
        this.store = store;
    }

    @EventHandler
    void on(CheckInRecorded event, DomainEventMessage<?> message) {
        store.update(
                CheckInView.class,
                event.checkInId(),
                message,
                current -> CheckInView.of(event, message.getSequenceNumber()));
    }

    /** A replay starts from an empty collection (the processor list says when it has caught up). */
    @ResetHandler
    void reset() {
        store.clear(CheckInView.class);
    }
}
