package io.sidecar.prm.command.demo;

import static io.sidecar.prm.command.demo.DemoPlanTestData.CURRENCY;
import static io.sidecar.prm.command.demo.DemoPlanTestData.DEFAULTS;
import static io.sidecar.prm.command.demo.DemoPlanTestData.NOW;
import static io.sidecar.prm.command.demo.DemoPlanTestData.PLAN;
import static io.sidecar.prm.command.demo.DemoPlanTestData.commands;
import static io.sidecar.prm.command.demo.DemoPlanTestData.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.sidecar.prm.command.deal.DealCommands;
import io.sidecar.prm.command.deal.RecordDealCommand;
import io.sidecar.prm.command.demo.DemoPlan.PartnerScript;
import io.sidecar.prm.command.demo.DemoPlan.Step;
import io.sidecar.prm.command.partner.OnboardPartnerCommand;
import io.sidecar.prm.command.partner.UpdatePartnerProfileCommand;
import io.sidecar.prm.command.support.CommandValidation;
import io.sidecar.prm.command.support.MoneyAmount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo plan is reproducible, of the configured size, valid command by command, and in the past. */
class DemoPlannerTest {

    @Test
    void theSameSeedOnTheSameDayGivesTheSamePlan() {
        assertThat(plan(DEFAULTS, NOW)).isEqualTo(PLAN);
    }

    @Test
    void anotherSeedGivesAnotherPlan() {
        DemoPlan other = plan(new DemoDataProperties(200, 5000, 7L, 4), NOW);

        assertThat(commands(other, OnboardPartnerCommand.class))
                .extracting(OnboardPartnerCommand::name)
                .isNotEqualTo(commands(PLAN, OnboardPartnerCommand.class).stream()
                        .map(OnboardPartnerCommand::name)
                        .toList());
    }

    @Test
    void itOnboardsTheConfiguredPartnersAndRegistersTheConfiguredDeals() {
        assertThat(PLAN.partners()).hasSize(200);
        assertThat(commands(PLAN, OnboardPartnerCommand.class)).hasSize(200);
        assertThat(PLAN.deals()).isEqualTo(5000);

        DemoPlan small = plan(new DemoDataProperties(20, 300, 1L, 2), NOW);
        assertThat(commands(small, OnboardPartnerCommand.class)).hasSize(20);
        assertThat(small.deals()).isEqualTo(300);
    }

    @Test
    void everyCommandPassesTheCommandSidesFieldValidation() {
        assertThat(PLAN.steps())
                .allSatisfy(step -> assertThatCode(
                                () -> CommandValidation.of(step.command()).orRefuse())
                        .as(step.command().toString())
                        .doesNotThrowAnyException());
        assertThat(Stream.concat(
                        commands(PLAN, OnboardPartnerCommand.class).stream().map(OnboardPartnerCommand::region),
                        commands(PLAN, UpdatePartnerProfileCommand.class).stream()
                                .map(UpdatePartnerProfileCommand::region)
                                .filter(Objects::nonNull)))
                .allMatch(CommandValidation::isRegion);
    }

    @Test
    void everythingHappenedWithinTheLastTwoYearsAndAQuarterBeforeNow() {
        Instant earliest = NOW.minus(Duration.ofDays(9 * 92 + 80));

        assertThat(PLAN.steps().map(Step::at)).allMatch(at -> at.isBefore(NOW) && at.isAfter(earliest));
        assertThat(commands(PLAN, DealCommands.WinDealCommand.class))
                .allMatch(won -> !won.closedOn()
                        .isAfter(won.wonAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
    }

    @Test
    void eachPartnersScriptIsInStoryOrder() {
        for (PartnerScript script : PLAN.partners()) {
            assertThat(script.steps()).extracting(Step::at).isSorted();
            assertThat(script.steps().get(0).command()).isInstanceOf(OnboardPartnerCommand.class);
        }
    }

    @Test
    void eachDealsCommandsCarryTimesThatMoveForward() {
        for (PartnerScript script : PLAN.partners()) {
            Map<String, List<Instant>> byDeal = new java.util.HashMap<>();
            for (Step step : script.steps()) {
                if (step.dealId() != null) {
                    byDeal.computeIfAbsent(step.dealId(), id -> new ArrayList<>())
                            .add(PlanReplay.timeOf(step.command()));
                }
            }
            byDeal.forEach((deal, times) -> assertThat(times).as(deal).isSortedAccordingTo(Instant::compareTo));
        }
    }

    @Test
    void aClosingDealsApprovalStagesAndCloseFollowEachOtherAtOnePlaceOfItsPartnersScript() {
        // the runner sends them in one unit of work: the expiry sweep must not come between approval and close
        for (PartnerScript script : PLAN.partners()) {
            List<Step> steps = script.steps();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).command() instanceof DealCommands.WinDealCommand
                        || steps.get(i).command() instanceof DealCommands.LoseDealCommand) {
                    int approval = i;
                    while (!(steps.get(approval).command() instanceof DealCommands.ApproveDealCommand)) {
                        approval--;
                        assertThat(steps.get(approval).dealId())
                                .isEqualTo(steps.get(i).dealId());
                    }
                    assertThat(steps.subList(approval, i + 1))
                            .extracting(Step::at)
                            .containsOnly(steps.get(i).at());
                }
            }
        }
    }

    @Test
    void amountsAreRealisticInTheReportingCurrency() {
        List<MoneyAmount> amounts = Stream.concat(
                        commands(PLAN, RecordDealCommand.class).stream().map(RecordDealCommand::amount),
                        commands(PLAN, DealCommands.WinDealCommand.class).stream()
                                .map(DealCommands.WinDealCommand::amount))
                .toList();

        assertThat(amounts).allSatisfy(amount -> {
            assertThat(amount.currency()).isEqualTo(CURRENCY);
            assertThat(amount.amount().scale()).isEqualTo(2);
            assertThat(amount.amount()).isBetween(new BigDecimal("4000"), new BigDecimal("265000"));
        });
    }
}
