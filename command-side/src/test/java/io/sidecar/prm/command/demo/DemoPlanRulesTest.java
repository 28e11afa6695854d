package io.sidecar.prm.command.demo;

import static io.sidecar.prm.command.demo.DemoPlanTestData.NOW;
import static io.sidecar.prm.command.demo.DemoPlanTestData.PLAN;
import static io.sidecar.prm.command.demo.DemoPlanTestData.RULES;
import static io.sidecar.prm.command.demo.DemoPlanTestData.commands;
import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.command.deal.DealCommands;
import io.sidecar.prm.command.deal.RecordDealCommand;
import io.sidecar.prm.command.demo.DemoPlan.Step;
import io.sidecar.prm.command.partner.OnboardPartnerCommand;
import io.sidecar.prm.command.partner.RecordCheckInCommand;
import io.sidecar.prm.command.partner.UpdatePartnerProfileCommand;
import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Played on paper in the runner's order, nothing in the demo plan breaks a rule of DOMAIN.md, and the story it
 * tells has everything the dashboards show: every status, at-risk partners, an open pipeline, conflicts.
 */
class DemoPlanRulesTest {

    private static final PlanReplay REPLAY = PlanReplay.of(PLAN, RULES.openLimit());
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    @Test
    void noCommandOfThePartnersStoriesWouldBeRefused() {
        assertThat(REPLAY.refusals).isEmpty();
    }

    @Test
    void noPartnerEverHoldsMoreOpenRegistrationsThanTheLimit() {
        assertThat(REPLAY.mostOpen.values()).allMatch(open -> open <= RULES.openLimit());
    }

    @Test
    void partnersNeverShareACustomerAndProductOutsideThePlannedConflicts() {
        // partners are seeded side by side: a shared registration would be a conflict that timing decides
        assertThat(REPLAY.partnersByKey.values()).allMatch(partners -> partners.size() == 1);
    }

    @Test
    void eachConflictNamesARegistrationThatAnotherActivePartnerStillHoldsOpen() {
        assertThat(PLAN.conflicts()).hasSize(50);
        for (Step conflict : PLAN.conflicts()) {
            RecordDealCommand record = (RecordDealCommand) conflict.command();
            String key = DealDraft.key(record.customer().domain().replaceFirst("^www\\.", ""), record.product());
            List<String> holders = REPLAY.dealKey.entrySet().stream()
                    .filter(deal -> deal.getValue().equals(key)
                            && REPLAY.deals.get(deal.getKey()).isOpen())
                    .map(deal -> REPLAY.dealPartner.get(deal.getKey()))
                    .toList();
            assertThat(holders).hasSize(1).doesNotContain(record.partnerId());
            assertThat(REPLAY.partners.get(holders.get(0))).isEqualTo(PartnerStatus.ACTIVE);
            assertThat(REPLAY.partners.get(record.partnerId())).isEqualTo(PartnerStatus.ACTIVE);
        }
    }

    @Test
    void everyKindOfCommandIsUsedAtLeastAFewTimes() {
        Map<String, Long> kinds = DemoPlanTestData.kinds(PLAN);

        assertThat(kinds)
                .hasSize(17)
                .allSatisfy((kind, count) -> assertThat(count).as(kind).isGreaterThanOrEqualTo(5));
        List<UpdatePartnerProfileCommand> updates = commands(PLAN, UpdatePartnerProfileCommand.class);
        assertThat(updates).anyMatch(u -> u.name() != null).anyMatch(u -> u.contact() != null);
        assertThat(updates).anyMatch(u -> u.website() != null).anyMatch(u -> u.region() != null);
    }

    @Test
    void partnersEndInEveryStatusAndOffboardingLeavesDealsToWithdraw() {
        Map<PartnerStatus, Long> statuses = count(REPLAY.partners.values(), Function.identity());

        assertThat(statuses.get(PartnerStatus.ACTIVE)).isGreaterThan(150);
        assertThat(statuses).containsKeys(PartnerStatus.SUSPENDED, PartnerStatus.ONBOARDING, PartnerStatus.OFFBOARDED);
        assertThat(statuses.values()).allMatch(n -> n >= 5);
        assertThat(count(REPLAY.deals.values(), Function.identity()).get(DealStatus.WITHDRAWN))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void mostActivePartnersWereTalkedToThisMonthAndSomeNotForOverTwoMonths() {
        Map<String, LocalDate> last = commands(PLAN, RecordCheckInCommand.class).stream()
                .collect(Collectors.toMap(
                        RecordCheckInCommand::partnerId,
                        RecordCheckInCommand::occurredOn,
                        (a, b) -> a.isAfter(b) ? a : b));
        List<String> active = REPLAY.partners.entrySet().stream()
                .filter(partner -> partner.getValue() == PartnerStatus.ACTIVE)
                .map(Map.Entry::getKey)
                .toList();
        long recent = active.stream()
                .filter(p -> last.containsKey(p) && last.get(p).isAfter(TODAY.minusDays(30)))
                .count();
        long lapsed = active.stream()
                .filter(p -> !last.containsKey(p) || last.get(p).isBefore(TODAY.minusDays(60)))
                .count();

        assertThat(recent).isGreaterThan(active.size() * 70L / 100);
        assertThat(lapsed).isBetween(active.size() * 10L / 100, active.size() * 20L / 100);
        assertThat(active).anyMatch(p -> !last.containsKey(p));
    }

    @Test
    void wonDealsCloseInEachOfTheLastEightQuartersAndInThisOne() {
        Set<String> quarters = commands(PLAN, DealCommands.WinDealCommand.class).stream()
                .map(won -> Quarter.of(won.closedOn()).toString())
                .collect(Collectors.toSet());

        Set<String> wanted = new HashSet<>();
        for (int back = 0; back <= 8; back++) {
            wanted.add(Quarter.of(TODAY.minusMonths(3L * back)).toString());
        }
        assertThat(quarters).containsAll(wanted);
    }

    @Test
    void recentDealsAreLeftOpenSoThatThePipelineIsNotEmpty() {
        Map<DealStatus, Long> statuses = count(REPLAY.deals.values(), Function.identity());
        Set<String> staged = commands(PLAN, DealCommands.AdvanceDealStageCommand.class).stream()
                .map(DealCommands.AdvanceDealStageCommand::dealId)
                .collect(Collectors.toSet());

        assertThat(statuses.get(DealStatus.APPROVED)).isGreaterThan(200);
        assertThat(statuses.get(DealStatus.PENDING_APPROVAL)).isGreaterThan(5);
        assertThat(REPLAY.deals.entrySet())
                .filteredOn(deal -> deal.getValue() == DealStatus.APPROVED && staged.contains(deal.getKey()))
                .hasSizeGreaterThan(100);
    }

    @Test
    void aFewApprovedDealsAreLeftOpenPastTheirProtectionForTheExpirySweep() {
        Map<String, Instant> protectedUntil = commands(PLAN, DealCommands.ApproveDealCommand.class).stream()
                .collect(Collectors.toMap(
                        DealCommands.ApproveDealCommand::dealId,
                        approved -> approved.approvedAt().plus(RULES.protectionPeriod())));
        commands(PLAN, DealCommands.ExtendProtectionCommand.class)
                .forEach(extended -> protectedUntil.computeIfPresent(
                        extended.dealId(), (id, until) -> until.plus(Duration.ofDays(extended.days()))));

        assertThat(REPLAY.deals.entrySet())
                .filteredOn(deal -> deal.getValue() == DealStatus.APPROVED)
                .filteredOn(deal -> protectedUntil.get(deal.getKey()).isBefore(NOW))
                .hasSizeBetween(3, 20)
                .allSatisfy(deal -> assertThat(REPLAY.partners.get(REPLAY.dealPartner.get(deal.getKey())))
                        .isNotEqualTo(PartnerStatus.OFFBOARDED));
    }

    @Test
    void partnerNamesAreUniqueIgnoringCaseAndSpaces() {
        List<String> names = Stream.concat(
                        commands(PLAN, OnboardPartnerCommand.class).stream().map(OnboardPartnerCommand::name),
                        commands(PLAN, UpdatePartnerProfileCommand.class).stream()
                                .map(UpdatePartnerProfileCommand::name)
                                .filter(Objects::nonNull))
                .map(name -> Normalizer.normalize(name, Normalizer.Form.NFKC)
                        .replaceAll("(?U)\\s+", "")
                        .toLowerCase(Locale.ROOT))
                .toList();

        assertThat(names).doesNotHaveDuplicates();
    }

    private static <T, K> Map<K, Long> count(Collection<T> values, Function<T, K> by) {
        return values.stream().collect(Collectors.groupingBy(by, Collectors.counting()));
    }
}
