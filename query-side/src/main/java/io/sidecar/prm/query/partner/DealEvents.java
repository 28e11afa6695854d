package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealProtectionExtended;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import io.sidecar.prm.events.deal.DealRejected;
import io.sidecar.prm.events.deal.DealStageAdvanced;
import io.sidecar.prm.events.deal.DealWithdrawn;
import io.sidecar.prm.events.deal.DealWon;

/** Which of a partner's events are its deals' (they share no type of their own beyond {@code PartnerEvent}). */
final class DealEvents {

    private DealEvents() {}

    /** The deal an event is about, or {@code null} when it is not a deal event. */
    static String dealIdOf(Object event) {
        if (event instanceof DealRecorded e) {
            return e.dealId();
        }
        if (event instanceof DealApproved e) {
            return e.dealId();
        }
        if (event instanceof DealRejected e) {
            return e.dealId();
        }
        if (event instanceof DealStageAdvanced e) {
            return e.dealId();
        }
        if (event instanceof DealProtectionExtended e) {
            return e.dealId();
        }
        if (event instanceof DealWon e) {
            return e.dealId();
        }
        if (event instanceof DealLost e) {
            return e.dealId();
        }
        if (event instanceof DealRegistrationExpired e) {
            return e.dealId();
        }
        if (event instanceof DealWithdrawn e) {
            return e.dealId();
        }
        return null;
    }
}
