package io.sidecar.prm.events;

/**
 * An event that belongs to one partner's history: the partner's own events and those of its deals. Projections
 * sequence by this id so that one partner's figures are always folded in order.
 */
public interface PartnerEvent {

    /** The partner whose history this event belongs to. */
    String partnerId();
}
