package io.sidecar.prm.query.dashboard;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.query.partner.PartnerView;
import io.sidecar.prm.query.partner.QuarterWon;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Partners ranked by the revenue they won in one quarter ({@code GET /api/dashboard/leaderboard}); partners that
 * won nothing in it are not ranked.
 *
 * @param period the quarter, {@code YYYY-Qn}
 * @param items  the ranking, first place first
 */
public record Leaderboard(String period, List<Entry> items) {

    /**
     * One place.
     *
     * @param rank          1 for the most won revenue; equal revenue shares no rank (ties go by name)
     * @param partnerId     the partner
     * @param name          its name
     * @param status        its status today
     * @param tier          its tier today
     * @param region        its region
     * @param wonRevenue    won in the quarter
     * @param dealsWon      deals won in the quarter
     * @param revenueTarget its goal for the quarter, or {@code null}
     * @param attainment    won ÷ target, four decimals, or {@code null} without a goal
     */
    public record Entry(
            int rank,
            String partnerId,
            String name,
            PartnerStatus status,
            PartnerTier tier,
            String region,
            Money wonRevenue,
            int dealsWon,
            Money revenueTarget,
            BigDecimal attainment) {}

    /** The top {@code limit} partners of the quarter. */
    public static Leaderboard of(List<PartnerView> partners, Quarter quarter, int limit) {
        String period = quarter.toString();
        List<PartnerView> ranked = partners.stream()
                .filter(partner -> partner.wonRevenueByQuarter().containsKey(period))
                .sorted(Comparator.comparing((PartnerView partner) ->
                                wonIn(partner, period).wonRevenue().amount())
                        .reversed()
                        .thenComparing(PartnerView::name)
                        .thenComparing(PartnerView::id))
                .limit(limit)
                .toList();
        return new Leaderboard(
                period,
                IntStream.range(0, ranked.size())
                        .mapToObj(place -> entry(place + 1, ranked.get(place), quarter))
                        .toList());
    }

    private static Entry entry(int rank, PartnerView partner, Quarter quarter) {
        QuarterWon won = wonIn(partner, quarter.toString());
        PartnerView.Goal goal = partner.goalFor(quarter);
        return new Entry(
                rank,
                partner.id(),
                partner.name(),
                partner.status(),
                partner.tier(),
                partner.region(),
                won.wonRevenue(),
                won.dealsWon(),
                goal == null ? null : goal.revenueTarget(),
                goal == null ? null : goal.attainment());
    }

    private static QuarterWon wonIn(PartnerView partner, String period) {
        return partner.wonRevenueByQuarter().get(period);
    }
}
