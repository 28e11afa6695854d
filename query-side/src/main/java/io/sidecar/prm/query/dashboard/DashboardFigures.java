package io.sidecar.prm.query.dashboard;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.query.partner.PartnerSummary;
import io.sidecar.prm.query.partner.PartnerView;
import io.sidecar.prm.query.partner.QuarterWon;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Computes the dashboard from the partners' read models: a pure function of the documents and the instant, so
 * it can be tested with plain views and always agrees with the partner pages it sums up.
 */
public final class DashboardFigures {

    static final int TOP_PARTNERS = 10;
    static final int AT_RISK_SHOWN = 50;

    private DashboardFigures() {}

    /** The dashboard of these partners as of an instant, figures in the reporting currency. */
    public static Dashboard of(List<PartnerView> partners, Instant asOf, String currency) {
        LocalDate today = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
        Quarter quarter = Quarter.of(today);
        Money zero = Money.zero(currency);
        List<PartnerSummary> summaries = partners.stream()
                .map(partner -> PartnerSummary.of(partner, today))
                .toList();

        Map<String, Money> byStage = new LinkedHashMap<>();
        byStage.put(PartnerView.UNSTAGED, zero);
        for (DealStage stage : DealStage.values()) {
            byStage.put(stage.name(), zero);
        }
        Map<String, QuarterWon> byQuarter = new TreeMap<>();
        Money pipeline = zero;
        Money won = zero;
        int dealsWon = 0;
        int dealsLost = 0;
        Money target = zero;
        Money wonAgainstTarget = zero;
        int withGoal = 0;
        for (PartnerView partner : partners) {
            pipeline = pipeline.plus(partner.pipeline());
            partner.pipelineByStage().forEach((stage, amount) -> byStage.merge(stage, amount, Money::plus));
            won = won.plus(partner.wonRevenue());
            partner.wonRevenueByQuarter()
                    .forEach((period, figures) -> byQuarter.merge(period, figures, DashboardFigures::plus));
            dealsWon += partner.dealsWon();
            dealsLost += partner.dealsLost();
            PartnerView.Goal goal = partner.goalFor(quarter);
            if (goal != null && partner.status() != PartnerStatus.OFFBOARDED) {
                target = target.plus(goal.revenueTarget());
                wonAgainstTarget = wonAgainstTarget.plus(goal.wonRevenue());
                withGoal++;
            }
        }
        List<PartnerSummary> atRisk = summaries.stream()
                .filter(PartnerSummary::atRisk)
                .sorted(Comparator.comparingInt(PartnerSummary::healthScore).thenComparing(PartnerSummary::name))
                .toList();
        return new Dashboard(
                asOf,
                quarter.toString(),
                counts(summaries),
                new Dashboard.Pipeline(pipeline, byStage),
                new Dashboard.WonRevenue(won, byQuarter),
                ratio(BigDecimal.valueOf(dealsWon), BigDecimal.valueOf((long) dealsWon + dealsLost)),
                withGoal == 0 ? null : ratio(wonAgainstTarget.amount(), target.amount()),
                new Dashboard.Goals(quarter.toString(), target, wonAgainstTarget, withGoal),
                summaries.stream()
                        .filter(summary -> summary.status() != PartnerStatus.OFFBOARDED)
                        .filter(summary -> summary.wonRevenue().amount().signum() > 0)
                        .sorted(Comparator.comparing((PartnerSummary summary) ->
                                        summary.wonRevenue().amount())
                                .reversed()
                                .thenComparing(PartnerSummary::name))
                        .limit(TOP_PARTNERS)
                        .toList(),
                atRisk.size(),
                atRisk.stream().limit(AT_RISK_SHOWN).toList());
    }

    private static Dashboard.Partners counts(List<PartnerSummary> partners) {
        Map<String, Integer> byRegion = count(partners, PartnerSummary::region, new TreeMap<>());
        Map<String, Integer> regionsBySize = new LinkedHashMap<>();
        byRegion.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> regionsBySize.put(entry.getKey(), entry.getValue()));
        return new Dashboard.Partners(
                partners.size(),
                count(partners, PartnerSummary::status, zeros(PartnerStatus.class)),
                count(partners, PartnerSummary::tier, zeros(PartnerTier.class)),
                count(partners, PartnerSummary::type, zeros(PartnerType.class)),
                regionsBySize);
    }

    private static <K> Map<K, Integer> count(
            List<PartnerSummary> partners, Function<PartnerSummary, K> key, Map<K, Integer> counts) {
        partners.forEach(partner -> counts.merge(key.apply(partner), 1, Integer::sum));
        return counts;
    }

    private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
        Map<E, Integer> zeros = new EnumMap<>(type);
        for (E each : type.getEnumConstants()) {
            zeros.put(each, 0);
        }
        return zeros;
    }

    private static QuarterWon plus(QuarterWon one, QuarterWon other) {
        return new QuarterWon(one.wonRevenue().plus(other.wonRevenue()), one.dealsWon() + other.dealsWon());
    }

    /** part ÷ whole, four decimals; {@code null} when whole is 0. */
    static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_EVEN);
    }
}
