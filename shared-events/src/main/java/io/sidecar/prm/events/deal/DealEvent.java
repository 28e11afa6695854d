package io.sidecar.prm.events.deal;

import io.sidecar.prm.events.PartnerEvent;

/** An event of a deal registration: about one deal, of one partner. */
public interface DealEvent extends PartnerEvent {

    /** The deal the event is about. */
    String dealId();
}
