package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.PROMOTED_AT;
import static io.sidecar.prm.command.partner.PartnerTestData.TIER_RULES_VERSION;
import static io.sidecar.prm.command.partner.PartnerTestData.UNKNOWN_PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.WINNING_DEAL_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.history;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerReinstated;
import static io.sidecar.prm.command.partner.PartnerTestData.promotePartner;
import static io.sidecar.prm.command.partner.PartnerTestData.tierChanged;
import static io.sidecar.prm.command.partner.PartnerTestData.tierPromoted;
import static io.sidecar.prm.command.partner.PartnerTestData.usd;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsNotFound;
import static io.sidecar.prm.events.partner.PartnerTier.GOLD;
import static io.sidecar.prm.events.partner.PartnerTier.PLATINUM;
import static io.sidecar.prm.events.partner.PartnerTier.REGISTERED;
import static io.sidecar.prm.events.partner.PartnerTier.SILVER;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTierChanged;
import io.sidecar.prm.events.partner.TierPromotion;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PromotePartner, the automatic tier policy's command: an ACTIVE partner below the tier is promoted, and the event
 * names the rule that promoted it; otherwise nothing happens (promotion only, never twice).
 */
class PromotePartnerTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = PartnerTestData.fixture();
    }

    @Test
    void anActivePartnerBelowTheTierIsPromotedAutomaticallyWithTheRuleThatPromotedIt() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(promotePartner(SILVER, "100000.00", "123456.78"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PartnerTierChanged(
                        PARTNER_ID,
                        REGISTERED,
                        SILVER,
                        "won revenue over the trailing 12 months, 123456.78 USD, reached the SILVER threshold of"
                                + " 100000.00 (tier rules version 2025-1)",
                        true,
                        new TierPromotion(TIER_RULES_VERSION, usd("100000.00"), usd("123456.78"), WINNING_DEAL_ID),
                        PROMOTED_AT))
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 6));
    }

    @Test
    void aPartnerIsPromotedFromTheTierAManagerGaveIt() {
        fixture.given(history(PartnerStatus.ACTIVE, tierChanged(REGISTERED, SILVER)))
                .when(promotePartner(GOLD, "500000.00", "512000.00"))
                .expectEvents(tierPromoted(SILVER, GOLD, "500000.00", "512000.00"));
    }

    @Test
    void anAutomaticallyPromotedPartnerIsPromotedFurther() {
        fixture.given(history(
                        PartnerStatus.ACTIVE,
                        tierPromoted(REGISTERED, SILVER, "100000.00", "100000.00", "deal-earlier-win")))
                .when(promotePartner(PLATINUM, "2000000.00", "2100000.00"))
                .expectEvents(tierPromoted(SILVER, PLATINUM, "2000000.00", "2100000.00"));
    }

    @Test
    void aWinThatPromotedOnceDoesNotPromoteAgainAfterAManagersChange() {
        // the policy handles the win again when it is replayed; the manager's later decision stands
        fixture.given(history(
                        PartnerStatus.ACTIVE,
                        tierPromoted(REGISTERED, GOLD, "500000.00", "600000.00"),
                        tierChanged(GOLD, SILVER)))
                .when(promotePartner(GOLD, "500000.00", "600000.00"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSecondPromotionToTheSameTierRecordsNothing() {
        fixture.given(history(PartnerStatus.ACTIVE, tierPromoted(REGISTERED, SILVER, "100000.00", "100000.00")))
                .when(promotePartner(SILVER, "100000.00", "100000.00"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 6));
    }

    @Test
    void aPartnerAlreadyAtTheTierByAManagersChangeIsNotPromotedAgain() {
        fixture.given(history(PartnerStatus.ACTIVE, tierChanged(REGISTERED, GOLD)))
                .when(promotePartner(GOLD, "500000.00", "500000.00"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPartnerAboveTheTierIsNotDemoted() {
        fixture.given(history(PartnerStatus.ACTIVE, tierChanged(REGISTERED, PLATINUM)))
                .when(promotePartner(SILVER, "100000.00", "150000.00"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartnerStatus.class,
            names = {"ONBOARDING", "SUSPENDED", "OFFBOARDED"})
    void aPartnerThatIsNotActiveIsNotPromotedAndTheCommandIsNotRefused(PartnerStatus status) {
        fixture.given(history(status))
                .when(promotePartner(SILVER, "100000.00", "100000.00"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReinstatedPartnerIsPromotedAgain() {
        fixture.given(history(PartnerStatus.SUSPENDED, partnerReinstated()))
                .when(promotePartner(SILVER, "100000.00", "100000.00"))
                .expectEvents(tierPromoted(REGISTERED, SILVER, "100000.00", "100000.00"));
    }

    @Test
    void aPromotionOfAnUnknownPartnerIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new PromotePartnerCommand(
                        UNKNOWN_PARTNER_ID,
                        SILVER,
                        TIER_RULES_VERSION,
                        usd("100000.00"),
                        usd("100000.00"),
                        WINNING_DEAL_ID,
                        PROMOTED_AT))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsNotFound("partner.unknown"))
                .expectNoEvents();
    }
}
