package io.sidecar.prm.events.upcasting;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the published language, in the order they apply: one chain that each runtime (the command
 * side, the query side, both in the standalone application) registers once with Axon, so that every reader of the
 * event store (aggregates, processors, rebuilds, auditors) sees events in their current revision. A new revision of
 * an event adds its upcaster here, after those of the event's older revisions (docs/adr/009).
 */
public final class PrmEventUpcasters extends EventUpcasterChain {

    public PrmEventUpcasters() {
        super(new PartnerOnboardedUpcaster());
    }
}
