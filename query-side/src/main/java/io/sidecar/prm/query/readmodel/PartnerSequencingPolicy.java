package io.sidecar.prm.query.readmodel;

import io.sidecar.prm.events.PartnerEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Puts all events of one partner (its own and its deals') in one sequence, so that a processor split into
 * segments never folds two events into the same partner document at once.
 */
public class PartnerSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy fallback = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof PartnerEvent partnerEvent) {
            return partnerEvent.partnerId();
        }
        return fallback.getSequenceIdentifierFor(event);
    }
}
