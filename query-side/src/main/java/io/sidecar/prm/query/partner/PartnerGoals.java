package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.partner.PartnerGoalSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A partner's goals and their attainment, from the won revenue per quarter: a goal set after deals of its quarter
 * were won starts with them, and a win updates the goal of its quarter whenever that goal was set.
 */
final class PartnerGoals {

    private PartnerGoals() {}

    /** The goals with this one replacing any goal of the same quarter, oldest quarter first. */
    static List<PartnerView.Goal> withGoal(
            List<PartnerView.Goal> goals, PartnerGoalSet event, Map<String, QuarterWon> wonByQuarter) {
        PartnerView.Goal goal = withWon(
                new PartnerView.Goal(
                        event.period(), event.revenueTarget(), event.dealTarget(), null, 0, null, event.setAt()),
                wonByQuarter);
        return Stream.concat(goals.stream().filter(each -> !each.period().equals(event.period())), Stream.of(goal))
                .sorted(Comparator.comparing(PartnerView.Goal::period))
                .toList();
    }

    /** Every goal with the won revenue and deals of its quarter as they stand now. */
    static List<PartnerView.Goal> withWon(List<PartnerView.Goal> goals, Map<String, QuarterWon> wonByQuarter) {
        return goals.stream().map(goal -> withWon(goal, wonByQuarter)).toList();
    }

    private static PartnerView.Goal withWon(PartnerView.Goal goal, Map<String, QuarterWon> wonByQuarter) {
        QuarterWon won = wonByQuarter.getOrDefault(
                goal.period(), new QuarterWon(Money.zero(goal.revenueTarget().currency()), 0));
        return new PartnerView.Goal(
                goal.period(),
                goal.revenueTarget(),
                goal.dealTarget(),
                won.wonRevenue(),
                won.dealsWon(),
                attainment(won.wonRevenue(), goal.revenueTarget()),
                goal.setAt());
    }

    /** Won revenue ÷ target, four decimals (1.0000 = the goal met). */
    static BigDecimal attainment(Money won, Money target) {
        return won.amount().divide(target.amount(), 4, RoundingMode.HALF_EVEN);
    }
}
