package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.MAX_REASON_LENGTH;
import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.SUSPENSION_REASON;
import static io.sidecar.prm.command.partner.PartnerTestData.history;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerReinstated;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerSuspended;
import static io.sidecar.prm.command.partner.PartnerTestData.reinstatePartner;
import static io.sidecar.prm.command.partner.PartnerTestData.suspendPartner;
import static io.sidecar.prm.command.partner.PartnerTestData.text;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.partner.PartnerStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SuspendPartner and ReinstatePartner: {@code ACTIVE ⇄ SUSPENDED}. */
class SuspensionTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = PartnerTestData.fixture();
    }

    @Test
    void suspendingAnActivePartnerRecordsPartnerSuspended() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(suspendPartner())
                .expectSuccessfulHandlerExecution()
                .expectEvents(partnerSuspended())
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 6));
    }

    @Test
    void theSuspensionReasonIsRecordedWithoutSurroundingWhitespace() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(suspendPartner("\t" + SUSPENSION_REASON + "  "))
                .expectEvents(partnerSuspended());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartnerStatus.class,
            names = {"ONBOARDING", "SUSPENDED", "OFFBOARDED"})
    void cannotSuspendAPartnerThatIsNotActive(PartnerStatus status) {
        fixture.given(history(status))
                .when(suspendPartner())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.suspension.not-active"))
                .expectNoEvents();
    }

    @Test
    void aReinstatedPartnerCanBeSuspendedAgain() {
        fixture.given(history(PartnerStatus.SUSPENDED, partnerReinstated()))
                .when(suspendPartner())
                .expectEvents(partnerSuspended())
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 8));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void aSuspensionNeedsAReason(String reason) {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(suspendPartner(reason))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("reason"))
                .expectNoEvents();
    }

    @Test
    void aSuspensionReasonOver500CharactersIsRefused() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(suspendPartner(text(MAX_REASON_LENGTH + 1)))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("reason"))
                .expectNoEvents();
    }

    @Test
    void reinstatingASuspendedPartnerRecordsPartnerReinstated() {
        fixture.given(history(PartnerStatus.SUSPENDED))
                .when(reinstatePartner())
                .expectSuccessfulHandlerExecution()
                .expectEvents(partnerReinstated())
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 7));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartnerStatus.class,
            names = {"ONBOARDING", "ACTIVE", "OFFBOARDED"})
    void cannotReinstateAPartnerThatIsNotSuspended(PartnerStatus status) {
        fixture.given(history(status))
                .when(reinstatePartner())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.reinstatement.not-suspended"))
                .expectNoEvents();
    }

    @Test
    void cannotReinstateAPartnerThatWasAlreadyReinstated() {
        fixture.given(history(PartnerStatus.SUSPENDED, partnerReinstated()))
                .when(reinstatePartner())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.reinstatement.not-suspended"))
                .expectNoEvents();
    }

    @Test
    void cannotReinstateAPartnerOffboardedWhileSuspended() {
        fixture.given(history(PartnerStatus.SUSPENDED, PartnerTestData.partnerOffboarded()))
                .when(reinstatePartner())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.reinstatement.not-suspended"))
                .expectNoEvents();
    }
}
