package io.sidecar.prm.query.deal;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealProtectionExtended;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import io.sidecar.prm.events.deal.DealRejected;
import io.sidecar.prm.events.deal.DealStageAdvanced;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.deal.DealWithdrawn;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.events.deal.RejectionKind;
import java.util.List;

/**
 * The pure fold from a deal's events to its {@link DealView}: no I/O, so the same function serves the live
 * projection, any rebuild and the auditors' state as of an instant.
 */
public final class DealViewFold {

    private DealViewFold() {}

    /**
     * Applies one event.
     *
     * @param view     the view so far, or {@code null} before the deal was recorded
     * @param event    the event's payload
     * @param sequence the event's sequence number in the deal's stream
     * @return the new view; the same view for an event it does not know
     */
    public static DealView apply(DealView view, Object event, long sequence) {
        if (event instanceof DealRecorded recorded) {
            return DealViewDraft.of(recorded(recorded))
                    .build(recorded, recorded.recordedAt(), summary(recorded), sequence);
        }
        if (view == null) {
            return null;
        }
        DealViewDraft draft = DealViewDraft.of(view);
        if (event instanceof DealApproved approved) {
            return draft.status(DealStatus.APPROVED, null)
                    .protectedUntil(approved.protectedUntil())
                    .build(event, approved.approvedAt(), "protected until " + approved.protectedUntil(), sequence);
        }
        if (event instanceof DealRejected rejected) {
            return draft.status(DealStatus.REJECTED, rejected.reason())
                    .rejection(new DealView.Rejection(
                            rejected.kind(),
                            rejected.reason(),
                            rejected.conflictingDealId(),
                            rejected.conflictingRecordedAt()))
                    .build(event, rejected.rejectedAt(), rejectionDetail(rejected), sequence);
        }
        if (event instanceof DealStageAdvanced advanced) {
            String detail = (advanced.from() == null ? "" : "from " + advanced.from() + " ") + "to " + advanced.to();
            return draft.stage(advanced.to()).build(event, advanced.advancedAt(), detail, sequence);
        }
        if (event instanceof DealProtectionExtended extended) {
            String detail = "+" + extended.days() + " days, protected until " + extended.protectedUntil();
            return draft.protectedUntil(extended.protectedUntil())
                    .build(event, extended.extendedAt(), detail, sequence);
        }
        if (event instanceof DealWon won) {
            String detail = "won " + text(won.amount()) + ", closed on " + won.closedOn();
            return draft.status(DealStatus.WON, null)
                    .won(won.amount(), won.closedOn())
                    .build(event, won.wonAt(), detail, sequence);
        }
        if (event instanceof DealLost lost) {
            return draft.status(DealStatus.LOST, lost.reason()).build(event, lost.lostAt(), lost.reason(), sequence);
        }
        if (event instanceof DealRegistrationExpired expired) {
            String reason = "the protection window ended at " + expired.protectedUntil();
            return draft.status(DealStatus.EXPIRED, reason).build(event, expired.expiredAt(), reason, sequence);
        }
        if (event instanceof DealWithdrawn withdrawn) {
            return draft.status(DealStatus.WITHDRAWN, withdrawn.reason())
                    .build(event, withdrawn.withdrawnAt(), withdrawn.reason(), sequence);
        }
        return view;
    }

    /** The view before its first trail entry: what the registration says, waiting for approval. */
    private static DealView recorded(DealRecorded recorded) {
        return new DealView(
                recorded.dealId(),
                recorded.partnerId(),
                recorded.customer(),
                recorded.product(),
                recorded.amount(),
                recorded.expectedCloseDate(),
                recorded.fundRequestId(),
                DealStatus.PENDING_APPROVAL,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                recorded.recordedAt(),
                0);
    }

    private static String summary(DealRecorded recorded) {
        String customer =
                recorded.customer() == null ? "?" : recorded.customer().name();
        return text(recorded.amount()) + " of " + recorded.product() + " for " + customer;
    }

    /** A channel conflict names the registration that holds the customer, so the trail alone explains it. */
    private static String rejectionDetail(DealRejected rejected) {
        if (rejected.kind() != RejectionKind.CHANNEL_CONFLICT) {
            return rejected.reason();
        }
        return rejected.reason() + " (deal " + rejected.conflictingDealId() + ", recorded "
                + rejected.conflictingRecordedAt() + ")";
    }

    private static String text(Money money) {
        return money == null ? "?" : money.amount().toPlainString() + " " + money.currency();
    }
}
