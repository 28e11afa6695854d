package io.sidecar.prm.query.asof;

import io.sidecar.prm.events.PartnerEvent;

/**
 * One event of a partner's history as the event store holds it (upcast to its current revision), with what the
 * fold needs besides the payload.
 *
 * @param event    the payload
 * @param sequence its sequence number in its aggregate's stream
 */
record HistoryEvent(PartnerEvent event, long sequence) {}
