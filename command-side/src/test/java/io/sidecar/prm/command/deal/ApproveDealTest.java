package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.APPROVED_AT;
import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.approveDeal;
import static io.sidecar.prm.command.deal.DealTestData.dealRules;
import static io.sidecar.prm.command.deal.DealTestData.history;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ApproveDeal: a pending registration is approved and protected for the configured period. */
class ApproveDealTest {

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = DealTestData.fixture();
    }

    @Test
    void aPendingDealIsApprovedAndProtectedForNinetyDaysFromTheApproval() {
        fixture.given(history(DealStatus.PENDING_APPROVAL))
                .when(approveDeal())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DealApproved(DEAL_ID, PARTNER_ID, Instant.parse("2025-06-09T09:00:00Z"), APPROVED_AT))
                .expectResultMessagePayload(new CommandResult(DEAL_ID, 2));
    }

    @Test
    void theProtectionPeriodIsConfiguration() {
        FixtureConfiguration<Deal> thirtyDays =
                DealTestData.fixture(partnerId -> Optional.of(PartnerStatus.ACTIVE), dealRules(Duration.ofDays(30)));
        thirtyDays
                .given(history(DealStatus.PENDING_APPROVAL))
                .when(approveDeal())
                .expectEvents(
                        new DealApproved(DEAL_ID, PARTNER_ID, APPROVED_AT.plus(Duration.ofDays(30)), APPROVED_AT));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DealStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "PENDING_APPROVAL")
    void onlyAPendingDealCanBeApproved(DealStatus status) {
        fixture.given(history(status))
                .when(approveDeal())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("deal.not-pending"))
                .expectNoEvents();
    }

    @Test
    void anApprovalNeedsItsTime() {
        fixture.given(history(DealStatus.PENDING_APPROVAL))
                .when(new DealCommands.ApproveDealCommand(DEAL_ID, null))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("approvedAt"))
                .expectNoEvents();
    }
}
