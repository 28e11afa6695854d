package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.advanceStage;
import static io.sidecar.prm.command.deal.DealTestData.history;
import static io.sidecar.prm.command.deal.DealTestData.stageAdvanced;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static io.sidecar.prm.events.deal.DealStage.NEGOTIATION;
import static io.sidecar.prm.events.deal.DealStage.PROPOSAL;
import static io.sidecar.prm.events.deal.DealStage.QUALIFIED;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** AdvanceDealStage: an approved deal moves forward, QUALIFIED → PROPOSAL → NEGOTIATION, never back. */
class DealStageTest {

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = DealTestData.fixture();
    }

    @Test
    void anApprovedDealEntersItsFirstStage() {
        fixture.given(history(DealStatus.APPROVED))
                .when(advanceStage(QUALIFIED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(stageAdvanced(null, QUALIFIED))
                .expectResultMessagePayload(new CommandResult(DEAL_ID, 3));
    }

    @Test
    void aQualifiedDealMovesToProposal() {
        fixture.given(history(DealStatus.APPROVED, stageAdvanced(null, QUALIFIED)))
                .when(advanceStage(PROPOSAL))
                .expectEvents(stageAdvanced(QUALIFIED, PROPOSAL));
    }

    @Test
    void aDealInProposalMovesToNegotiation() {
        fixture.given(history(DealStatus.APPROVED, stageAdvanced(null, QUALIFIED), stageAdvanced(QUALIFIED, PROPOSAL)))
                .when(advanceStage(NEGOTIATION))
                .expectEvents(stageAdvanced(PROPOSAL, NEGOTIATION));
    }

    @Test
    void aStageCanBeSkippedForward() {
        fixture.given(history(DealStatus.APPROVED, stageAdvanced(null, QUALIFIED)))
                .when(advanceStage(NEGOTIATION))
                .expectEvents(stageAdvanced(QUALIFIED, NEGOTIATION));
    }

    @Test
    void anApprovedDealMayStartAtALaterStage() {
        fixture.given(history(DealStatus.APPROVED))
                .when(advanceStage(PROPOSAL))
                .expectEvents(stageAdvanced(null, PROPOSAL));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DealStage.class)
    void stayingAtTheSameStageIsRefused(DealStage stage) {
        fixture.given(history(DealStatus.APPROVED, stageAdvanced(null, stage)))
                .when(advanceStage(stage))
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("deal.stage.not-forward"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "back to {0}")
    @EnumSource(
            value = DealStage.class,
            names = {"QUALIFIED", "PROPOSAL"})
    void movingBackIsRefused(DealStage earlier) {
        fixture.given(history(DealStatus.APPROVED, stageAdvanced(null, NEGOTIATION)))
                .when(advanceStage(earlier))
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("deal.stage.not-forward"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DealStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "APPROVED")
    void onlyAnApprovedDealMovesToAnotherStage(DealStatus status) {
        fixture.given(history(status))
                .when(advanceStage(QUALIFIED))
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("deal.not-approved"))
                .expectNoEvents();
    }

    @Test
    void aStageChangeNeedsAStage() {
        fixture.given(history(DealStatus.APPROVED))
                .when(advanceStage(null))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("stage"))
                .expectNoEvents();
    }
}
