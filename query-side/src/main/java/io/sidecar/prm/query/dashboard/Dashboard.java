package io.sidecar.prm.query.dashboard;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.query.partner.PartnerSummary;
import io.sidecar.prm.query.partner.QuarterWon;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The portfolio at a glance (API.md, {@code GET /api/dashboard}; DOMAIN.md, "Figures the dashboards show"), as of
 * one instant: health and at-risk move with the calendar.
 *
 * @param asOf           when the figures were computed
 * @param period         the current quarter, {@code YYYY-Qn}
 * @param partners       partner counts
 * @param pipeline       approved open deals, in all and per stage
 * @param wonRevenue     won deals, in all and per quarter of closing
 * @param winRate        won ÷ (won + lost) over every partner, four decimals; {@code null} with no closed deal
 * @param goalAttainment the current quarter's won revenue of the partners with a goal for it ÷ their targets, four
 *                       decimals; {@code null} when no partner has one
 * @param goals          the current quarter's goals that attainment sums up
 * @param topPartners    the ten partners with the most won revenue, all time (offboarded ones left out)
 * @param atRiskCount    how many partners are at risk today
 * @param atRiskPartners the at-risk partners, lowest health first, at most {@value DashboardFigures#AT_RISK_SHOWN}
 *                       ({@code GET /api/partners?atRisk=true} lists them all)
 */
public record Dashboard(
        Instant asOf,
        String period,
        Partners partners,
        Pipeline pipeline,
        WonRevenue wonRevenue,
        BigDecimal winRate,
        BigDecimal goalAttainment,
        Goals goals,
        List<PartnerSummary> topPartners,
        int atRiskCount,
        List<PartnerSummary> atRiskPartners) {

    /** Whether the two show the same figures, whenever computed. */
    boolean sameFiguresAs(Dashboard other) {
        return other != null
                && equals(new Dashboard(
                        asOf,
                        other.period,
                        other.partners,
                        other.pipeline,
                        other.wonRevenue,
                        other.winRate,
                        other.goalAttainment,
                        other.goals,
                        other.topPartners,
                        other.atRiskCount,
                        other.atRiskPartners));
    }

    /**
     * Partner counts.
     *
     * @param total    every partner ever onboarded
     * @param byStatus per status, every status present
     * @param byTier   per tier, every tier present
     * @param byType   per type, every type present
     * @param byRegion per region, most partners first
     */
    public record Partners(
            int total,
            Map<PartnerStatus, Integer> byStatus,
            Map<PartnerTier, Integer> byTier,
            Map<PartnerType, Integer> byType,
            Map<String, Integer> byRegion) {}

    /**
     * The pipeline.
     *
     * @param total   the sum of the amounts of approved open deals
     * @param byStage the same per stage, in funnel order, {@code UNSTAGED} first, every stage present
     */
    public record Pipeline(Money total, Map<String, Money> byStage) {}

    /**
     * Won revenue.
     *
     * @param total     the sum of every won deal
     * @param byQuarter per calendar quarter of closing, oldest first
     */
    public record WonRevenue(Money total, Map<String, QuarterWon> byQuarter) {}

    /**
     * The current quarter's goals.
     *
     * @param period        the quarter
     * @param revenueTarget the sum of the targets
     * @param wonRevenue    what those partners won in the quarter
     * @param partners      how many partners have a goal for it
     */
    public record Goals(String period, Money revenueTarget, Money wonRevenue, int partners) {}
}
