package io.sidecar.prm.command.deal;

import io.sidecar.prm.events.partner.PartnerStatus;
import java.util.Optional;

/**
 * Tells the deal side where a partner stands, read from the event store (never from a read model), so that a
 * deal is only registered for a partner that exists.
 */
public interface PartnerStatuses {

    /** The partner's current status, or empty when no such partner was ever onboarded. */
    Optional<PartnerStatus> statusOf(String partnerId);
}
