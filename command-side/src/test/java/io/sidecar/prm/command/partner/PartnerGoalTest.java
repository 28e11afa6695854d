package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.DEAL_TARGET;
import static io.sidecar.prm.command.partner.PartnerTestData.GOAL_PERIOD;
import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.REVENUE_TARGET;
import static io.sidecar.prm.command.partner.PartnerTestData.history;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerGoalSet;
import static io.sidecar.prm.command.partner.PartnerTestData.setGoal;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** SetPartnerGoal: a quarter's revenue goal, in the reporting currency, for any partner not offboarded. */
class PartnerGoalTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = PartnerTestData.fixture();
    }

    @Test
    void settingAGoalRecordsPartnerGoalSet() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(setGoal().build())
                .expectSuccessfulHandlerExecution()
                .expectEvents(partnerGoalSet())
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 6));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartnerStatus.class,
            names = {"ONBOARDING", "ACTIVE", "SUSPENDED"})
    void aGoalCanBeSetForAPartnerThatIsNotOffboarded(PartnerStatus status) {
        fixture.given(history(status)).when(setGoal().build()).expectEvents(partnerGoalSet());
    }

    @Test
    void aSecondGoalForTheSamePeriodIsRecordedAsAnotherGoal() {
        fixture.given(history(PartnerStatus.ACTIVE, partnerGoalSet()))
                .when(setGoal().amount("300000.00").dealTarget(15).build())
                .expectEvents(partnerGoalSet(GOAL_PERIOD, new BigDecimal("300000.00"), 15));
    }

    @Test
    void anIdenticalGoalForTheSamePeriodIsRecordedAgain() {
        fixture.given(history(PartnerStatus.ACTIVE, partnerGoalSet()))
                .when(setGoal().build())
                .expectEvents(partnerGoalSet());
    }

    @Test
    void goalsForOtherPeriodsAreIndependent() {
        fixture.given(history(PartnerStatus.ACTIVE, partnerGoalSet()))
                .when(setGoal().period("2025-Q4").build())
                .expectEvents(partnerGoalSet("2025-Q4", REVENUE_TARGET, DEAL_TARGET));
    }

    @Test
    void aGoalWithoutADealTargetRecordsNone() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(setGoal().dealTarget(null).build())
                .expectEvents(partnerGoalSet(GOAL_PERIOD, REVENUE_TARGET, null));
    }

    @Test
    void theRevenueTargetIsRecordedWithTwoDecimals() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(setGoal().amount("250000").build())
                .expectEvents(partnerGoalSet());
    }

    @Test
    void theSmallestTargetsAreAccepted() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(setGoal().amount("0.01").dealTarget(1).build())
                .expectEvents(partnerGoalSet(GOAL_PERIOD, new BigDecimal("0.01"), 1));
    }

    @Test
    void thePeriodIsRecordedWithoutSurroundingWhitespace() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(setGoal().period(" " + GOAL_PERIOD + " ").build())
                .expectEvents(partnerGoalSet());
    }

    @Test
    void cannotSetAGoalForAnOffboardedPartner() {
        fixture.given(history(PartnerStatus.OFFBOARDED))
                .when(setGoal().build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.offboarded"))
                .expectNoEvents();
    }

    @Test
    void anInvalidGoalIsRefusedAsInvalidBeforeThePartnerIsConsulted() {
        fixture.given(history(PartnerStatus.OFFBOARDED))
                .when(setGoal().currency("EUR").build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("revenueTarget.currency"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} is refused, naming {2}")
    @MethodSource("invalidFields")
    void anInvalidFieldIsRefusedByNameAndRecordsNothing(String problem, SetPartnerGoalCommand command, String field) {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(command)
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid(field))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                arguments("a currency other than USD", setGoal().currency("EUR").build(), "revenueTarget.currency"),
                arguments("a lower-case currency", setGoal().currency("usd").build(), "revenueTarget.currency"),
                arguments("a missing currency", setGoal().currency(null).build(), "revenueTarget.currency"),
                arguments(
                        "a missing revenue target",
                        setGoal().withoutRevenueTarget().build(),
                        "revenueTarget"),
                arguments("a missing amount", setGoal().amount(null).build(), "revenueTarget.amount"),
                arguments("a zero target", setGoal().amount("0").build(), "revenueTarget.amount"),
                arguments(
                        "a zero target with decimals", setGoal().amount("0.00").build(), "revenueTarget.amount"),
                arguments("a negative target", setGoal().amount("-1000").build(), "revenueTarget.amount"),
                arguments("a target of minus a cent", setGoal().amount("-0.01").build(), "revenueTarget.amount"),
                arguments(
                        "a target with three decimals",
                        setGoal().amount("10.005").build(),
                        "revenueTarget.amount"),
                arguments("quarter 5", setGoal().period("2026-Q5").build(), "period"),
                arguments("quarter 0", setGoal().period("2026-Q0").build(), "period"),
                arguments("a period without a dash", setGoal().period("2026Q1").build(), "period"),
                arguments("a two-digit year", setGoal().period("26-Q1").build(), "period"),
                arguments("a lower-case q", setGoal().period("2026-q1").build(), "period"),
                arguments(
                        "a month instead of a quarter",
                        setGoal().period("2026-03").build(),
                        "period"),
                arguments("a blank period", setGoal().period("  ").build(), "period"),
                arguments("a missing period", setGoal().period(null).build(), "period"),
                arguments("a deal target of zero", setGoal().dealTarget(0).build(), "dealTarget"),
                arguments("a negative deal target", setGoal().dealTarget(-3).build(), "dealTarget"),
                arguments(
                        "a deal target over a million",
                        setGoal().dealTarget(1_000_001).build(),
                        "dealTarget"));
    }
}
