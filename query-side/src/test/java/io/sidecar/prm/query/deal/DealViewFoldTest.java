package io.sidecar.prm.query.deal;

import static io.sidecar.prm.query.DealTestData.APPROVED_AT;
import static io.sidecar.prm.query.DealTestData.LATER;
import static io.sidecar.prm.query.DealTestData.PROTECTED_UNTIL;
import static io.sidecar.prm.query.DealTestData.RECORDED_AT;
import static io.sidecar.prm.query.DealTestData.approved;
import static io.sidecar.prm.query.DealTestData.conflicting;
import static io.sidecar.prm.query.DealTestData.expired;
import static io.sidecar.prm.query.DealTestData.extended;
import static io.sidecar.prm.query.DealTestData.lost;
import static io.sidecar.prm.query.DealTestData.recorded;
import static io.sidecar.prm.query.DealTestData.rejected;
import static io.sidecar.prm.query.DealTestData.staged;
import static io.sidecar.prm.query.DealTestData.usd;
import static io.sidecar.prm.query.DealTestData.withdrawn;
import static io.sidecar.prm.query.DealTestData.won;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.deal.RejectionKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealViewFoldTest {

    private static final DealRecorded RECORDED = recorded("d-1", "99.90");
    private static final LocalDate CLOSED_ON = LocalDate.parse("2026-03-15");

    @Test
    void aRecordedDealWaitsForApprovalAtVersionOne() {
        DealView view = DealViewFold.apply(null, RECORDED, 0);

        assertThat(view.id()).isEqualTo("d-1");
        assertThat(view.partnerId()).isEqualTo("p-1");
        assertThat(view.customer()).isEqualTo(RECORDED.customer());
        assertThat(view.product()).isEqualTo("Sidecar");
        assertThat(view.amount()).isEqualTo(usd("99.90"));
        assertThat(view.expectedCloseDate()).isEqualTo(RECORDED.expectedCloseDate());
        assertThat(view.fundRequestId()).isEqualTo("f-1");
        assertThat(view.status()).isEqualTo(DealStatus.PENDING_APPROVAL);
        assertThat(view.stage()).isNull();
        assertThat(view.protectedUntil()).isNull();
        assertThat(view.wonAmount()).isNull();
        assertThat(view.closedOn()).isNull();
        assertThat(view.statusReason()).isNull();
        assertThat(view.rejection()).isNull();
        assertThat(view.recordedAt()).isEqualTo(RECORDED_AT);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.trail())
                .containsExactly(new DealView.TrailEntry(
                        "DealRecorded",
                        DealStatus.PENDING_APPROVAL,
                        null,
                        RECORDED_AT,
                        "99.90 USD of Sidecar for Globex"));
    }

    @Test
    void approvalProtectsTheDealUntilTheEndOfItsWindow() {
        DealView view = fold(RECORDED, approved("d-1"));

        assertThat(view.status()).isEqualTo(DealStatus.APPROVED);
        assertThat(view.protectedUntil()).isEqualTo(PROTECTED_UNTIL);
        assertThat(view.version()).isEqualTo(2);
        assertThat(lastStep(view))
                .isEqualTo(new DealView.TrailEntry(
                        "DealApproved", DealStatus.APPROVED, null, APPROVED_AT, "protected until " + PROTECTED_UNTIL));
    }

    @Test
    void aManagersRejectionGivesItsReasonWithoutConflictEvidence() {
        DealView view = fold(RECORDED, rejected("d-1", "Not a qualified opportunity"));

        assertThat(view.status()).isEqualTo(DealStatus.REJECTED);
        assertThat(view.statusReason()).isEqualTo("Not a qualified opportunity");
        assertThat(view.rejection())
                .isEqualTo(new DealView.Rejection(RejectionKind.MANUAL, "Not a qualified opportunity", null, null));
        assertThat(lastStep(view).detail()).isEqualTo("Not a qualified opportunity");
        assertThat(lastStep(view).at()).isEqualTo(LATER);
    }

    @Test
    void aChannelConflictIsRecordedThenRejectedWithTheEvidence() {
        DealView view = fold(RECORDED, conflicting("d-1", "d-0", RECORDED_AT.minus(Duration.ofDays(3))));

        assertThat(view.status()).isEqualTo(DealStatus.REJECTED);
        assertThat(view.rejection().kind()).isEqualTo(RejectionKind.CHANNEL_CONFLICT);
        assertThat(view.rejection().conflictingDealId()).isEqualTo("d-0");
        assertThat(view.rejection().conflictingRecordedAt()).isEqualTo(RECORDED_AT.minus(Duration.ofDays(3)));
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.trail())
                .extracting(DealView.TrailEntry::event, DealView.TrailEntry::status)
                .containsExactly(
                        tuple("DealRecorded", DealStatus.PENDING_APPROVAL), tuple("DealRejected", DealStatus.REJECTED));
        assertThat(lastStep(view).detail())
                .contains("d-0", RECORDED_AT.minus(Duration.ofDays(3)).toString());
    }

    @Test
    void stagesAdvanceOnAnApprovedDeal() {
        DealView view = fold(
                RECORDED,
                approved("d-1"),
                staged("d-1", null, DealStage.QUALIFIED),
                staged("d-1", DealStage.QUALIFIED, DealStage.PROPOSAL));

        assertThat(view.stage()).isEqualTo(DealStage.PROPOSAL);
        assertThat(view.status()).isEqualTo(DealStatus.APPROVED);
        assertThat(view.trail())
                .extracting(DealView.TrailEntry::stage, DealView.TrailEntry::detail)
                .endsWith(
                        tuple(DealStage.QUALIFIED, "to QUALIFIED"),
                        tuple(DealStage.PROPOSAL, "from QUALIFIED to PROPOSAL"));
    }

    @Test
    void extendingTheProtectionMovesTheEndOfTheWindow() {
        DealView view = fold(RECORDED, approved("d-1"), extended("d-1", 30));

        assertThat(view.protectedUntil()).isEqualTo(PROTECTED_UNTIL.plus(Duration.ofDays(30)));
        assertThat(view.status()).isEqualTo(DealStatus.APPROVED);
        assertThat(lastStep(view).detail()).isEqualTo("+30 days, protected until " + view.protectedUntil());
    }

    @Test
    void aWonDealKeepsTheAmountWonTheDayItClosedAndItsLastStage() {
        DealView view = fold(
                RECORDED, approved("d-1"), staged("d-1", null, DealStage.NEGOTIATION), won("d-1", "120.00", CLOSED_ON));

        assertThat(view.status()).isEqualTo(DealStatus.WON);
        assertThat(view.wonAmount()).isEqualTo(usd("120.00"));
        assertThat(view.amount()).as("the registered amount stays").isEqualTo(usd("99.90"));
        assertThat(view.closedOn()).isEqualTo(CLOSED_ON);
        assertThat(view.stage()).isEqualTo(DealStage.NEGOTIATION);
        assertThat(view.statusReason()).isNull();
        assertThat(lastStep(view).detail()).isEqualTo("won 120.00 USD, closed on 2026-03-15");
        assertThat(view.version()).isEqualTo(4);
    }

    @Test
    void aLostDealGivesItsReason() {
        DealView view = fold(RECORDED, approved("d-1"), lost("d-1", "Went with a competitor"));

        assertThat(view.status()).isEqualTo(DealStatus.LOST);
        assertThat(view.statusReason()).isEqualTo("Went with a competitor");
        assertThat(view.wonAmount()).isNull();
        assertThat(lastStep(view).detail()).isEqualTo("Went with a competitor");
    }

    @Test
    void anExpiredRegistrationSaysItsWindowRanOut() {
        DealView view = fold(RECORDED, approved("d-1"), expired("d-1"));

        assertThat(view.status()).isEqualTo(DealStatus.EXPIRED);
        assertThat(view.statusReason()).isEqualTo("the protection window ended at " + PROTECTED_UNTIL);
        assertThat(lastStep(view).at()).isEqualTo(PROTECTED_UNTIL.plusSeconds(1));
    }

    @Test
    void aWithdrawnDealGivesItsReason() {
        DealView view = fold(RECORDED, withdrawn("d-1"));

        assertThat(view.status()).isEqualTo(DealStatus.WITHDRAWN);
        assertThat(view.statusReason()).isEqualTo("partner offboarded");
        assertThat(lastStep(view).event()).isEqualTo("DealWithdrawn");
    }

    @Test
    void theTrailListsEveryEventOldestFirstWithTheStatusAndStageAfterIt() {
        DealView view = fold(
                RECORDED,
                approved("d-1"),
                staged("d-1", null, DealStage.QUALIFIED),
                extended("d-1", 10),
                staged("d-1", DealStage.QUALIFIED, DealStage.PROPOSAL),
                won("d-1", "99.90", CLOSED_ON));

        assertThat(view.trail())
                .extracting(DealView.TrailEntry::event, DealView.TrailEntry::status, DealView.TrailEntry::stage)
                .containsExactly(
                        tuple("DealRecorded", DealStatus.PENDING_APPROVAL, null),
                        tuple("DealApproved", DealStatus.APPROVED, null),
                        tuple("DealStageAdvanced", DealStatus.APPROVED, DealStage.QUALIFIED),
                        tuple("DealProtectionExtended", DealStatus.APPROVED, DealStage.QUALIFIED),
                        tuple("DealStageAdvanced", DealStatus.APPROVED, DealStage.PROPOSAL),
                        tuple("DealWon", DealStatus.WON, DealStage.PROPOSAL));
        assertThat(view.trail())
                .extracting(DealView.TrailEntry::at)
                .containsExactly(RECORDED_AT, APPROVED_AT, LATER, LATER, LATER, LATER);
        assertThat(view.version()).isEqualTo(6);
    }

    @Test
    void anEventOfADealNotYetRecordedLeavesNoView() {
        assertThat(DealViewFold.apply(null, approved("d-1"), 1)).isNull();
    }

    @Test
    void anUnknownEventLeavesTheViewAsItWas() {
        DealView view = DealViewFold.apply(null, RECORDED, 0);

        assertThat(DealViewFold.apply(view, new Object(), 1)).isSameAs(view);
    }

    /** Folds the events as the deal's stream, sequence 0 onwards. */
    private static DealView fold(Object... events) {
        DealView view = null;
        for (int sequence = 0; sequence < events.length; sequence++) {
            view = DealViewFold.apply(view, events[sequence], sequence);
        }
        return view;
    }

    private static DealView.TrailEntry lastStep(DealView view) {
        List<DealView.TrailEntry> trail = view.trail();
        return trail.get(trail.size() - 1);
    }
}
