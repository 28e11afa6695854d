package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.MAX_REASON_LENGTH;
import static io.sidecar.prm.command.partner.PartnerTestData.OFFBOARDING_REASON;
import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.history;
import static io.sidecar.prm.command.partner.PartnerTestData.offboardPartner;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerOffboarded;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerOnboarded;
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

/** OffboardPartner: any state but OFFBOARDED goes to OFFBOARDED, for good. */
class OffboardingTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = PartnerTestData.fixture();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartnerStatus.class,
            names = {"ONBOARDING", "ACTIVE", "SUSPENDED"})
    void aPartnerThatIsNotOffboardedCanBeOffboarded(PartnerStatus status) {
        fixture.given(history(status))
                .when(offboardPartner())
                .expectSuccessfulHandlerExecution()
                .expectEvents(partnerOffboarded());
    }

    @Test
    void offboardingAnOnboardingPartnerAnswersItsNewVersion() {
        fixture.given(partnerOnboarded())
                .when(offboardPartner())
                .expectEvents(partnerOffboarded())
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 2));
    }

    @Test
    void cannotOffboardAPartnerTwice() {
        fixture.given(history(PartnerStatus.OFFBOARDED))
                .when(offboardPartner())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.offboarded"))
                .expectNoEvents();
    }

    @Test
    void theReasonIsRecordedWithoutSurroundingWhitespace() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(offboardPartner("  " + OFFBOARDING_REASON + "\n"))
                .expectEvents(partnerOffboarded());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   "})
    void anOffboardingNeedsAReason(String reason) {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(offboardPartner(reason))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("reason"))
                .expectNoEvents();
    }

    @Test
    void anOffboardingReasonOver500CharactersIsRefused() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(offboardPartner(text(MAX_REASON_LENGTH + 1)))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("reason"))
                .expectNoEvents();
    }
}
