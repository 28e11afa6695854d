package io.sidecar.prm.command.demo;

import static io.sidecar.prm.command.demo.Chance.chance;
import static io.sidecar.prm.command.demo.Chance.earlier;
import static io.sidecar.prm.command.demo.Chance.later;
import static io.sidecar.prm.command.demo.Chance.uniform;
import static io.sidecar.prm.command.demo.DemoNames.pick;

import io.sidecar.prm.command.demo.DemoPlan.Step;
import io.sidecar.prm.command.partner.OnboardPartnerCommand.ContactDetails;
import io.sidecar.prm.command.partner.RecordCheckInCommand;
import io.sidecar.prm.command.partner.SetPartnerGoalCommand;
import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.events.partner.Sentiment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The rhythm of a partnership: a goal agreed before each quarter (now and then revised), and check-ins every few
 * weeks up to a last one whose age the partner's {@link PartnerLife.Engagement} decides.
 */
final class PartnerRhythm {

    /** Revenue the demo expects of a won deal, for goal targets. */
    private static final double WON_DEAL = 0.55 * 60_000;

    private final Timeframe frame;
    private final String currency;
    private final long seed;

    PartnerRhythm(Timeframe frame, String currency, long seed) {
        this.frame = frame;
        this.currency = currency;
        this.seed = seed;
    }

    /** A new main contact and when it took over: later check-ins name that person. */
    record ContactChange(ContactDetails contact, Instant at) {}

    void goals(List<Step> steps, PartnerLife life, int deals, Random random) {
        double perQuarter = deals * 91 / Math.max(91, life.dealDays(frame));
        LocalDate quarter = Quarter.of(Quarters.day(life.activatedAt())).firstDay();
        LocalDate oldest = Quarters.day(frame.start());
        quarter = quarter.isBefore(oldest) ? oldest : quarter;
        Instant end = life.end(frame);
        for (; !quarter.isAfter(frame.today()); quarter = quarter.plusMonths(3)) {
            Instant agreed = earlier(random, Quarters.startOf(quarter), 2, 12);
            Instant at = agreed.isAfter(life.activatedAt()) ? agreed : later(random, life.activatedAt(), 0.05, 2);
            BigDecimal target = roundedTarget(perQuarter * WON_DEAL * uniform(random, 0.7, 1.5));
            Integer dealTarget = chance(random, 0.7) ? (int) Math.max(1, Math.round(perQuarter * 0.55)) : null;
            goal(steps, life, Quarter.of(quarter).toString(), target, dealTarget, at, end);
            Instant revised = later(random, Quarters.startOf(quarter), 15, 45);
            if (chance(random, 0.1) && revised.isAfter(at)) {
                BigDecimal newTarget = roundedTarget(target.doubleValue() * uniform(random, 0.8, 1.2));
                goal(steps, life, Quarter.of(quarter).toString(), newTarget, dealTarget, revised, end);
            }
        }
    }

    private void goal(
            List<Step> steps,
            PartnerLife life,
            String period,
            BigDecimal target,
            Integer deals,
            Instant at,
            Instant end) {
        if (at.isBefore(end)) {
            PartnerSteps.add(
                    steps,
                    at,
                    new SetPartnerGoalCommand(life.partnerId(), period, new MoneyAmount(target, currency), deals, at));
        }
    }

    private static BigDecimal roundedTarget(double amount) {
        return BigDecimal.valueOf(Math.max(10_000, Math.round(amount / 5_000) * 5_000L))
                .setScale(2);
    }

    void checkIns(List<Step> steps, PartnerLife life, ContactDetails contact, ContactChange change, Random random) {
        String manager = pick(random, DemoTexts.MANAGERS);
        List<Instant> times = checkInTimes(life, random);
        for (int n = 0; n < times.size(); n++) {
            Instant at = times.get(n);
            ContactDetails present = change != null && !at.isBefore(change.at()) ? change.contact() : contact;
            List<String> attendees = new ArrayList<>(List.of(present.name(), manager));
            if (chance(random, 0.3)) {
                attendees.add(pick(random, DemoTexts.MANAGERS));
            }
            List<String> next = new ArrayList<>(DemoTexts.NEXT_STEPS);
            Collections.shuffle(next, random);
            LocalDate day = Quarters.day(at);
            LocalDate occurred =
                    chance(random, 0.25) && day.isAfter(Quarters.day(life.onboardedAt())) ? day.minusDays(1) : day;
            PartnerSteps.add(
                    steps,
                    at,
                    new RecordCheckInCommand(
                            life.partnerId(),
                            DemoPlan.id(seed, "check-in", life.index(), n),
                            occurred,
                            attendees.stream().distinct().toList(),
                            pick(random, DemoTexts.SUMMARIES),
                            sentiment(random),
                            next.subList(0, random.nextInt(4)),
                            at));
        }
    }

    /** From a few weeks after activation, every four to eight weeks, up to the last check-in. */
    private List<Instant> checkInTimes(PartnerLife life, Random random) {
        if (life.activatedAt() == null) {
            Instant kickOff = later(random, life.onboardedAt(), 0.5, 2);
            return chance(random, 0.5) && kickOff.isBefore(frame.horizon()) ? List.of(kickOff) : List.of();
        }
        Instant last;
        if (life.offboardedAt() != null) {
            last = earlier(random, life.offboardedAt(), 3, 40);
        } else if (life.engagement() == PartnerLife.Engagement.NEVER) {
            return List.of();
        } else if (life.engagement() == PartnerLife.Engagement.RECENT) {
            last = earlier(random, frame.now(), 1, 27);
        } else if (life.engagement() == PartnerLife.Engagement.FADING) {
            last = earlier(random, frame.now(), 31, 58);
        } else {
            last = earlier(random, frame.now(), 62, 150);
        }
        last = last.isAfter(frame.horizon()) ? frame.horizon() : last;
        Instant first = later(random, life.activatedAt(), 2, 20);
        List<Instant> times = new ArrayList<>();
        for (Instant at = last; !at.isBefore(first); at = earlier(random, at, 35, 80)) {
            times.add(at);
        }
        Collections.reverse(times);
        return times;
    }

    private static Sentiment sentiment(Random random) {
        double roll = random.nextDouble();
        return roll < 0.5 ? Sentiment.POSITIVE : roll < 0.85 ? Sentiment.NEUTRAL : Sentiment.NEGATIVE;
    }
}
