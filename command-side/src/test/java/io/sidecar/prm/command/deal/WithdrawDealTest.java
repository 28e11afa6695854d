package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.dealWithdrawn;
import static io.sidecar.prm.command.deal.DealTestData.history;
import static io.sidecar.prm.command.deal.DealTestData.withdrawDeal;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** WithdrawDeal, the offboarding policy's command: an open deal is withdrawn, a closed one stays as it is. */
class WithdrawDealTest {

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = DealTestData.fixture();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DealStatus.class,
            names = {"PENDING_APPROVAL", "APPROVED"})
    void anOpenDealIsWithdrawn(DealStatus status) {
        fixture.given(history(status))
                .when(withdrawDeal())
                .expectSuccessfulHandlerExecution()
                .expectEvents(dealWithdrawn());
    }

    @Test
    void aWithdrawalAnswersTheDealsNewVersion() {
        fixture.given(history(DealStatus.APPROVED))
                .when(withdrawDeal())
                .expectEvents(dealWithdrawn())
                .expectResultMessagePayload(new CommandResult(DEAL_ID, 3));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = DealStatus.class,
            names = {"WON", "LOST", "EXPIRED", "REJECTED", "WITHDRAWN"})
    void aClosedDealStaysAsItIsAndTheWithdrawalIsNotRefused(DealStatus status) {
        fixture.given(history(status))
                .when(withdrawDeal())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
