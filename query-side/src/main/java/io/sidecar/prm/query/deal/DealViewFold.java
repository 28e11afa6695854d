package io.sidecar.prm.query.deal;

import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealStatus;

/**
 * The pure fold from a deal's events to its {@link DealView}.
 */
public final class DealViewFold {

    private DealViewFold() {}

    /**
     * Applies one event.
     *
     * @param view     the view so far, or {@code null} before the deal was recorded
     * @param event    the event's payload
     * @param sequence the event's sequence number in the deal's stream
     * @return the new view
     */
    public static DealView apply(DealView view, Object event, long sequence) {
        if (event instanceof DealRecorded recorded) {
            return new DealView(
                    recorded.dealId(),
                    recorded.partnerId(),
                    recorded.customer(),
                    recorded.product(),
                    recorded.amount(),
                    recorded.expectedCloseDate(),
                    recorded.fundRequestId(),
                    DealStatus.PENDING_APPROVAL,
                    recorded.recordedAt(),
                    sequence + 1);
        }
        return view;
    }
}
