package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.EXTENSION_DAYS;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.PROTECTED_UNTIL;
import static io.sidecar.prm.command.deal.DealTestData.dealExpired;
import static io.sidecar.prm.command.deal.DealTestData.expireDeal;
import static io.sidecar.prm.command.deal.DealTestData.history;
import static io.sidecar.prm.command.deal.DealTestData.protectionExtended;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import io.sidecar.prm.events.deal.DealStatus;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ExpireDeal, the expiry sweep's command: an approved deal neither won nor lost by the end of its protection
 * expires; any other deal stays as it is, and the command is never refused.
 */
class DealExpiryTest {

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = DealTestData.fixture();
    }

    @Test
    void anApprovedDealExpiresWhenItsProtectionEnds() {
        fixture.given(history(DealStatus.APPROVED))
                .when(expireDeal(PROTECTED_UNTIL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(dealExpired(PROTECTED_UNTIL))
                .expectResultMessagePayload(new CommandResult(DEAL_ID, 3));
    }

    @Test
    void anExpiryNoticedLateRecordsBothTheProtectionsEndAndWhenItWasNoticed() {
        Instant later = PROTECTED_UNTIL.plus(Duration.ofHours(3));
        fixture.given(history(DealStatus.APPROVED))
                .when(expireDeal(later))
                .expectEvents(new DealRegistrationExpired(DEAL_ID, PARTNER_ID, PROTECTED_UNTIL, later));
    }

    @Test
    void anApprovedDealStillProtectedDoesNotExpire() {
        fixture.given(history(DealStatus.APPROVED))
                .when(expireDeal(PROTECTED_UNTIL.minusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(DEAL_ID, 2));
    }

    @Test
    void anExtendedDealDoesNotExpireAtItsFormerEnd() {
        fixture.given(history(DealStatus.APPROVED, protectionExtended(EXTENSION_DAYS)))
                .when(expireDeal(PROTECTED_UNTIL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anExtendedDealExpiresAtItsNewEnd() {
        Instant newEnd = protectionExtended(EXTENSION_DAYS).protectedUntil();
        fixture.given(history(DealStatus.APPROVED, protectionExtended(EXTENSION_DAYS)))
                .when(expireDeal(newEnd))
                .expectEvents(new DealRegistrationExpired(DEAL_ID, PARTNER_ID, newEnd, newEnd));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DealStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "APPROVED")
    void aDealThatIsNotApprovedDoesNotExpire(DealStatus status) {
        fixture.given(history(status))
                .when(expireDeal(PROTECTED_UNTIL.plus(Duration.ofDays(365))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void expiringADealThatWasNeverStoredRecordsNothingAndIsNotRefused() {
        fixture.givenNoPriorActivity()
                .when(expireDeal(PROTECTED_UNTIL))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(DEAL_ID, 0));
    }
}
