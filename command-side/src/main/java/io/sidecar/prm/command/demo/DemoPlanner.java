package io.sidecar.prm.command.demo;

import io.sidecar.prm.command.deal.DealRules;
import io.sidecar.prm.command.deal.RecordDealCommand;
import io.sidecar.prm.command.demo.DemoPlan.PartnerScript;
import io.sidecar.prm.command.demo.DemoPlan.Step;
import io.sidecar.prm.command.demo.PartnerLife.Engagement;
import io.sidecar.prm.command.demo.PartnerLife.Kind;
import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.events.partner.PartnerType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Makes the {@link DemoPlan} for a seed, sizes and "now": partners and their stories, the deals shared out by
 * partner size and active time, and the channel conflicts. Pure and deterministic: the same input gives the same
 * plan, command for command.
 */
final class DemoPlanner {

    private static final PartnerType[] TYPES = {
        PartnerType.RESELLER, PartnerType.RESELLER, PartnerType.RESELLER, PartnerType.RESELLER,
        PartnerType.REFERRAL, PartnerType.REFERRAL, PartnerType.SERVICES, PartnerType.TECHNOLOGY,
        PartnerType.TECHNOLOGY, PartnerType.DISTRIBUTOR
    };

    private final DemoDataProperties sizes;
    private final DealRules rules;

    DemoPlanner(DemoDataProperties sizes, DealRules rules) {
        this.sizes = sizes;
        this.rules = rules;
    }

    DemoPlan plan(Instant now) {
        Timeframe frame = Timeframe.of(now);
        long seed = sizes.seed();
        Random shared = new Random(seed);
        int count = sizes.partners();
        List<Kind> kinds = Shares.of(
                count,
                shared,
                Kind.ACTIVE,
                List.of(Kind.ONBOARDING, Kind.OFFBOARDED, Kind.SUSPENDED, Kind.REINSTATED),
                new double[] {0.03, 0.04, 0.04, 0.08});
        List<Engagement> engagements = Shares.of(
                count,
                shared,
                Engagement.RECENT,
                List.of(Engagement.NEVER, Engagement.LAPSED, Engagement.FADING),
                new double[] {0.03, 0.13, 0.06});
        List<PartnerLife> lives = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = DemoPlan.id(seed, "partner", i);
            lives.add(PartnerLife.sketch(i, id, kinds.get(i), engagements.get(i), random(seed, 2 * i), frame));
        }
        int conflicts = count >= 2 ? sizes.deals() / 100 : 0;
        int[] deals = Shares.byWeight(lives, life -> life.size() * life.dealDays(frame), sizes.deals() - conflicts);

        DemoNames names = new DemoNames();
        PartnerSteps partnerSteps =
                new PartnerSteps(frame, names, new PartnerRhythm(frame, rules.reportingCurrency(), seed));
        DealLifecycle lifecycle = new DealLifecycle(frame, rules.protectionPeriod(), Math.max(1, sizes.deals() / 250));
        DealPlanner dealPlanner = new DealPlanner(frame, rules, names, lifecycle, seed);
        List<PartnerScript> scripts = new ArrayList<>();
        List<DealDraft> holders = new ArrayList<>();
        for (PartnerLife life : lives) {
            Random random = random(seed, 2 * life.index() + 1);
            DemoNames.Identity identity = names.partner(random);
            PartnerType type = TYPES[random.nextInt(TYPES.length)];
            List<Step> steps = partnerSteps.of(life, identity, type, deals[life.index()], random);
            for (DealDraft deal : dealPlanner.plan(life, identity.region(), deals[life.index()], random)) {
                steps.addAll(deal.steps(rules.reportingCurrency()));
                if (life.activeAtEnd() && deal.outcome == DealDraft.Outcome.OPEN && !deal.expiring) {
                    holders.add(deal);
                }
            }
            steps.sort(Comparator.comparing(Step::at));
            scripts.add(new PartnerScript(life.partnerId(), List.copyOf(steps)));
        }
        List<String> active = lives.stream()
                .filter(PartnerLife::activeAtEnd)
                .map(PartnerLife::partnerId)
                .toList();
        return new DemoPlan(List.copyOf(scripts), conflicts(holders, active, conflicts, frame, shared));
    }

    /**
     * Registrations by another active partner of a customer and product that a partner holds open: recorded and
     * rejected at once as channel conflicts. Half of them write the customer's domain with {@code www.}.
     */
    private List<Step> conflicts(
            List<DealDraft> holders, List<String> active, int wanted, Timeframe frame, Random random) {
        Collections.shuffle(holders, random);
        List<Step> conflicts = new ArrayList<>();
        for (int n = 0; n < Math.min(wanted, holders.size()) && active.size() > 1; n++) {
            DealDraft holder = holders.get(n);
            String partner = holder.partnerId;
            while (partner.equals(holder.partnerId)) {
                partner = active.get(random.nextInt(active.size()));
            }
            Instant at = Chance.between(
                    random, frame.horizon().plusSeconds(60), frame.now().minusSeconds(60));
            String dealId = DemoPlan.id(sizes.seed(), "conflict", n);
            String domain = n % 2 == 0 ? "www." + holder.customer.domain() : holder.customer.domain();
            conflicts.add(new Step(
                    at,
                    dealId,
                    new RecordDealCommand(
                            dealId,
                            partner,
                            new RecordDealCommand.CustomerDetails(holder.customer.name(), domain),
                            holder.product,
                            new MoneyAmount(DealPlanner.amount(random), rules.reportingCurrency()),
                            frame.today().plusDays(20 + random.nextInt(100)),
                            null,
                            at)));
        }
        conflicts.sort(Comparator.comparing(Step::at));
        return List.copyOf(conflicts);
    }

    /** Random numbers of their own for each partner (its sketch, then its story), independent of the others'. */
    private static Random random(long seed, int stream) {
        return new Random(new SplittableRandom(seed ^ (stream * 0x9E3779B97F4A7C15L)).nextLong());
    }
}
