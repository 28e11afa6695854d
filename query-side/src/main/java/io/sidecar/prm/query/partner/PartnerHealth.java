package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How a partner is doing on a given day (DOMAIN.md, "Figures the dashboards show"): computed when asked, from the
 * partner's read model and the day, so it moves with the calendar without any new event.
 *
 * <p>Health 0–100 = 40 × min(1, attainment ÷ elapsed fraction of the quarter) (0.5 without a goal for the quarter)
 * + 30 × win rate (0.5 when n/a) + 30 × engagement (1 up to 30 days after the last check-in, falling linearly to 0
 * at 90 days; 0 with no check-in ever), rounded half up. The elapsed fraction counts whole days, today included,
 * so it is never 0. At risk: ACTIVE and (health below 50, or no check-in in the last 60 days, or, with a goal for
 * the quarter, attainment below half the elapsed fraction).
 *
 * @param healthScore      0–100
 * @param atRisk           whether the channel team should look at the partner now
 * @param daysSinceCheckIn days since the last check-in, {@code null} with none ever
 */
public record PartnerHealth(int healthScore, boolean atRisk, Integer daysSinceCheckIn) {

    static final int AT_RISK_BELOW = 50;
    static final int QUIET_DAYS = 60;
    private static final MathContext PRECISION = MathContext.DECIMAL64;
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** The partner's health on {@code today}. */
    public static PartnerHealth of(PartnerView partner, LocalDate today) {
        Quarter quarter = Quarter.of(today);
        BigDecimal elapsedDays = BigDecimal.valueOf(quarter.dayOf(today));
        BigDecimal quarterDays = BigDecimal.valueOf(quarter.days());
        PartnerView.Goal goal = partner.goalFor(quarter);
        Integer daysSince = partner.lastCheckInOn() == null
                ? null
                : (int) Math.max(0, ChronoUnit.DAYS.between(partner.lastCheckInOn(), today));

        // attainment ÷ (elapsed ÷ quarter), multiplied before dividing: exact wherever the result is a whole half
        BigDecimal goalPart = goal == null
                ? HALF
                : goal.attainment()
                        .multiply(quarterDays)
                        .divide(elapsedDays, PRECISION)
                        .min(BigDecimal.ONE);
        BigDecimal winPart = partner.winRate() == null ? HALF : partner.winRate();
        BigDecimal score = BigDecimal.valueOf(40)
                .multiply(goalPart)
                .add(BigDecimal.valueOf(30).multiply(winPart))
                .add(engagementPoints(daysSince));
        int healthScore = score.setScale(0, RoundingMode.HALF_UP).intValueExact();

        // attainment < ½ × elapsed ÷ quarter, without dividing
        boolean behindGoal = goal != null
                && goal.attainment()
                                .multiply(quarterDays)
                                .multiply(BigDecimal.valueOf(2))
                                .compareTo(elapsedDays)
                        < 0;
        boolean quiet = daysSince == null || daysSince >= QUIET_DAYS;
        boolean atRisk =
                partner.status() == PartnerStatus.ACTIVE && (healthScore < AT_RISK_BELOW || quiet || behindGoal);
        return new PartnerHealth(healthScore, atRisk, daysSince);
    }

    /** 30 × engagement: 30 up to 30 days, then 30 × (90 − days) ÷ 60 = (90 − days) ÷ 2, 0 from 90 days. */
    private static BigDecimal engagementPoints(Integer daysSince) {
        if (daysSince == null || daysSince >= 90) {
            return BigDecimal.ZERO;
        }
        if (daysSince <= 30) {
            return BigDecimal.valueOf(30);
        }
        return BigDecimal.valueOf(90 - daysSince).divide(BigDecimal.valueOf(2));
    }
}
