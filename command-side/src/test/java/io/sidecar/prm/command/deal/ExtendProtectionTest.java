package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.EXTENDED_AT;
import static io.sidecar.prm.command.deal.DealTestData.EXTENSION_DAYS;
import static io.sidecar.prm.command.deal.DealTestData.MAX_EXTENSION_DAYS;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.PROTECTED_UNTIL;
import static io.sidecar.prm.command.deal.DealTestData.extendProtection;
import static io.sidecar.prm.command.deal.DealTestData.history;
import static io.sidecar.prm.command.deal.DealTestData.protectionExtended;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealProtectionExtended;
import io.sidecar.prm.events.deal.DealStatus;
import java.time.Instant;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ExtendProtection: an approved deal's protection moves on by 1–180 days from where it ends. */
class ExtendProtectionTest {

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = DealTestData.fixture();
    }

    @Test
    void theProtectionMovesOnByTheDaysFromItsEndNotFromNow() {
        fixture.given(history(DealStatus.APPROVED))
                .when(extendProtection(EXTENSION_DAYS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DealProtectionExtended(
                        DEAL_ID, PARTNER_ID, EXTENSION_DAYS, Instant.parse("2025-07-09T09:00:00Z"), EXTENDED_AT))
                .expectResultMessagePayload(new CommandResult(DEAL_ID, 3));
    }

    @Test
    void extensionsAddUp() {
        fixture.given(history(DealStatus.APPROVED, protectionExtended(EXTENSION_DAYS)))
                .when(extendProtection(10))
                .expectEvents(protectionExtended(
                        10, protectionExtended(EXTENSION_DAYS).protectedUntil()));
    }

    @ParameterizedTest(name = "{0} days")
    @ValueSource(ints = {1, MAX_EXTENSION_DAYS})
    void extensionsAtTheLimitsAreAccepted(int days) {
        fixture.given(history(DealStatus.APPROVED))
                .when(extendProtection(days))
                .expectEvents(protectionExtended(days, PROTECTED_UNTIL));
    }

    @ParameterizedTest(name = "{0} days")
    @NullSource
    @ValueSource(ints = {0, -1, MAX_EXTENSION_DAYS + 1})
    void extensionsOutsideOneTo180DaysAreRefused(Integer days) {
        fixture.given(history(DealStatus.APPROVED))
                .when(extendProtection(days))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("days"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DealStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "APPROVED")
    void onlyAnApprovedDealsProtectionCanBeExtended(DealStatus status) {
        fixture.given(history(status))
                .when(extendProtection(EXTENSION_DAYS))
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("deal.not-approved"))
                .expectNoEvents();
    }
}
