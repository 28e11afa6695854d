package io.sidecar.prm.events;

import java.time.Instant;

/**
 * An event that belongs to one partner's history: the partner's own events and those of its deals. Projections
 * sequence by this id so that one partner's figures are always folded in order.
 */
public interface PartnerEvent extends PersonalDataOwner {

    /** The partner whose history this event belongs to (and whose data key encrypts its personal data). */
    @Override
    String partnerId();

    /**
     * When it happened, by the product's clock: the instant an auditor's "as of" compares with. Not serialized:
     * it is one of the event's own fields under its own name.
     */
    Instant occurredAt();
}
