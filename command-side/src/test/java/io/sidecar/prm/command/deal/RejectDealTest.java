package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.MAX_REASON_LENGTH;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.REJECTED_AT;
import static io.sidecar.prm.command.deal.DealTestData.REJECTION_REASON;
import static io.sidecar.prm.command.deal.DealTestData.dealRejected;
import static io.sidecar.prm.command.deal.DealTestData.history;
import static io.sidecar.prm.command.deal.DealTestData.rejectDeal;
import static io.sidecar.prm.command.deal.DealTestData.text;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealRejected;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.deal.RejectionKind;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RejectDeal: a manager rejects a pending registration. */
class RejectDealTest {

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = DealTestData.fixture();
    }

    @Test
    void aPendingDealIsRejectedByHandWithoutConflictEvidence() {
        fixture.given(history(DealStatus.PENDING_APPROVAL))
                .when(rejectDeal())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DealRejected(
                        DEAL_ID, PARTNER_ID, REJECTION_REASON, RejectionKind.MANUAL, null, null, REJECTED_AT))
                .expectResultMessagePayload(new CommandResult(DEAL_ID, 2));
    }

    @Test
    void theReasonIsRecordedWithoutSurroundingWhitespace() {
        fixture.given(history(DealStatus.PENDING_APPROVAL))
                .when(rejectDeal("  " + REJECTION_REASON + "\n"))
                .expectEvents(dealRejected());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DealStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "PENDING_APPROVAL")
    void onlyAPendingDealCanBeRejected(DealStatus status) {
        fixture.given(history(status))
                .when(rejectDeal())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("deal.not-pending"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aRejectionNeedsAReason(String reason) {
        fixture.given(history(DealStatus.PENDING_APPROVAL))
                .when(rejectDeal(reason))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("reason"))
                .expectNoEvents();
    }

    @Test
    void aReasonOver500CharactersIsRefused() {
        fixture.given(history(DealStatus.PENDING_APPROVAL))
                .when(rejectDeal(text(MAX_REASON_LENGTH + 1)))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("reason"))
                .expectNoEvents();
    }
}
