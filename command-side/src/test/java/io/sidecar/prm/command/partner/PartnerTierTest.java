package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.MAX_REASON_LENGTH;
import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.TIER_REASON;
import static io.sidecar.prm.command.partner.PartnerTestData.changeTier;
import static io.sidecar.prm.command.partner.PartnerTestData.history;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerReinstated;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerSuspended;
import static io.sidecar.prm.command.partner.PartnerTestData.text;
import static io.sidecar.prm.command.partner.PartnerTestData.tierChanged;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static io.sidecar.prm.events.partner.PartnerTier.GOLD;
import static io.sidecar.prm.events.partner.PartnerTier.PLATINUM;
import static io.sidecar.prm.events.partner.PartnerTier.REGISTERED;
import static io.sidecar.prm.events.partner.PartnerTier.SILVER;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerTierChanged;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** ChangePartnerTier: a manager's change of an ACTIVE partner's tier, up or down. */
class PartnerTierTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = PartnerTestData.fixture();
    }

    @Test
    void aNewPartnerIsPromotedFromRegisteredAsAManualChange() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(changeTier(GOLD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(tierChanged(REGISTERED, GOLD))
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 6));
    }

    @Test
    void aPartnerCanBeDemoted() {
        fixture.given(history(PartnerStatus.ACTIVE, tierChanged(REGISTERED, PLATINUM)))
                .when(changeTier(SILVER))
                .expectEvents(tierChanged(PLATINUM, SILVER));
    }

    @Test
    void aPartnerCanBeDemotedBackToRegistered() {
        fixture.given(history(PartnerStatus.ACTIVE, tierChanged(REGISTERED, SILVER)))
                .when(changeTier(REGISTERED))
                .expectEvents(tierChanged(SILVER, REGISTERED));
    }

    @Test
    void theTierBeforeIsTheOneOfTheLastChange() {
        fixture.given(history(PartnerStatus.ACTIVE, tierChanged(REGISTERED, SILVER), tierChanged(SILVER, GOLD)))
                .when(changeTier(PLATINUM))
                .expectEvents(tierChanged(GOLD, PLATINUM));
    }

    @Test
    void aSuspendedAndReinstatedPartnerKeepsItsTier() {
        fixture.given(history(
                        PartnerStatus.ACTIVE, tierChanged(REGISTERED, GOLD), partnerSuspended(), partnerReinstated()))
                .when(changeTier(SILVER))
                .expectEvents(tierChanged(GOLD, SILVER));
    }

    @Test
    void changingToTheCurrentTierRecordsNothingAndKeepsTheVersion() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(changeTier(REGISTERED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 5));
    }

    @Test
    void changingToTheTierGivenByAnEarlierChangeRecordsNothing() {
        fixture.given(history(PartnerStatus.ACTIVE, tierChanged(REGISTERED, GOLD)))
                .when(changeTier(GOLD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 6));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartnerStatus.class,
            names = {"ONBOARDING", "SUSPENDED", "OFFBOARDED"})
    void cannotChangeTheTierOfAPartnerThatIsNotActive(PartnerStatus status) {
        fixture.given(history(status))
                .when(changeTier(GOLD))
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.tier.not-active"))
                .expectNoEvents();
    }

    @Test
    void theReasonIsRecordedWithoutSurroundingWhitespace() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(changeTier(GOLD, "  " + TIER_REASON + "\n"))
                .expectEvents(tierChanged(REGISTERED, GOLD));
    }

    @Test
    void aReasonOfTheMaximumLengthIsAccepted() {
        PartnerTierChanged expected = tierChanged(REGISTERED, GOLD);
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(changeTier(GOLD, text(MAX_REASON_LENGTH)))
                .expectEvents(new PartnerTierChanged(
                        expected.partnerId(),
                        expected.from(),
                        expected.to(),
                        text(MAX_REASON_LENGTH),
                        false,
                        null,
                        expected.changedAt()));
    }

    @ParameterizedTest(name = "{0} is refused, naming {2}")
    @MethodSource("invalidFields")
    void anInvalidFieldIsRefusedByNameAndRecordsNothing(
            String problem, ChangePartnerTierCommand command, String field) {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(command)
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid(field))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                arguments("a missing tier", changeTier((PartnerTier) null), "tier"),
                arguments("a missing reason", changeTier(GOLD, null), "reason"),
                arguments("a blank reason", changeTier(GOLD, "   "), "reason"),
                arguments("a reason over 500 characters", changeTier(GOLD, text(MAX_REASON_LENGTH + 1)), "reason"));
    }
}
