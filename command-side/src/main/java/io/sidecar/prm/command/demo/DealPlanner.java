package io.sidecar.prm.command.demo;

import static io.sidecar.prm.command.demo.Chance.chance;
import static io.sidecar.prm.command.demo.Chance.uniform;
import static io.sidecar.prm.command.demo.DemoNames.pick;

import io.sidecar.prm.command.deal.DealRules;
import io.sidecar.prm.command.demo.DealDraft.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plans one partner's deals: when each is recorded (only while the partner is active), for which customer and
 * product (never one the partner already holds open), and how its story goes ({@link DealLifecycle}). Keeps the
 * partner within the open-registration limit the way a channel manager would: before a registration that would
 * pass it, the oldest open one is closed.
 */
final class DealPlanner {

    private final Timeframe frame;
    private final DealRules rules;
    private final DemoNames names;
    private final DealLifecycle lifecycle;
    private final long seed;

    DealPlanner(Timeframe frame, DealRules rules, DemoNames names, DealLifecycle lifecycle, long seed) {
        this.frame = frame;
        this.rules = rules;
        this.names = names;
        this.lifecycle = lifecycle;
        this.seed = seed;
    }

    List<DealDraft> plan(PartnerLife life, String region, int count, Random random) {
        List<DealDraft> deals = new ArrayList<>();
        List<Instant> times = recordingTimes(life, count, random);
        List<DemoNames.Customer> customers = new ArrayList<>();
        for (int i = Math.max(3, (count + 1) / 2); i > 0; i--) {
            customers.add(names.customer(random, region));
        }
        for (int n = 0; n < times.size(); n++) {
            Instant at = times.get(n);
            keepWithinLimit(deals, at);
            Registration free = freeRegistration(at, deals, customers, region, random);
            DealDraft deal = new DealDraft(
                    DemoPlan.id(seed, "deal", life.index(), n),
                    life.partnerId(),
                    free.customer(),
                    free.product(),
                    amount(random),
                    at);
            lifecycle.shape(deal, life, random);
            deals.add(deal);
        }
        return deals;
    }

    /** Spread over the partner's active spans, in order, at least a minute apart. */
    private List<Instant> recordingTimes(PartnerLife life, int count, Random random) {
        List<Instant[]> windows = life.dealWindows(frame);
        long total = windows.stream()
                .mapToLong(w -> Duration.between(w[0], w[1]).getSeconds())
                .sum();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count && total > 0; i++) {
            long offset = (long) (random.nextDouble() * total);
            for (Instant[] window : windows) {
                long length = Duration.between(window[0], window[1]).getSeconds();
                if (offset < length) {
                    times.add(window[0].plusSeconds(offset));
                    break;
                }
                offset -= length;
            }
        }
        times.sort(null);
        for (int i = 1; i < times.size(); i++) {
            Instant earliest = times.get(i - 1).plus(Duration.ofMinutes(1));
            times.set(i, times.get(i).isBefore(earliest) ? earliest : times.get(i));
        }
        return times;
    }

    /** Closes the oldest open registrations until one more fits in the limit. */
    private void keepWithinLimit(List<DealDraft> deals, Instant at) {
        Instant closeAt = at.minusSeconds(1);
        while (deals.stream().filter(deal -> deal.openAt(at)).count() >= rules.openLimit()) {
            DealDraft oldest = deals.stream()
                    .filter(deal -> deal.openAt(at) && !deal.expiring)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("more expiring deals than the open limit"));
            if (oldest.approvedAt != null && oldest.approvedAt.isBefore(closeAt)) {
                oldest.close(Outcome.LOST, closeAt, DemoTexts.CLOSED_FOR_LIMIT);
            } else {
                oldest.close(Outcome.REJECTED, closeAt, DemoTexts.REJECTED_FOR_LIMIT);
            }
        }
    }

    private record Registration(DemoNames.Customer customer, String product) {}

    /** A customer and product that the partner holds no open registration for at that time. */
    private Registration freeRegistration(
            Instant at, List<DealDraft> deals, List<DemoNames.Customer> customers, String region, Random random) {
        for (int attempt = 0; ; attempt++) {
            if (attempt == 30) {
                customers.add(names.customer(random, region));
            }
            DemoNames.Customer customer = attempt < 30 ? pick(random, customers) : customers.get(customers.size() - 1);
            String product = pick(random, DemoTexts.PRODUCTS);
            String key = DealDraft.key(customer.domain(), product);
            if (deals.stream()
                    .noneMatch(other -> other.openAt(at) && other.key().equals(key))) {
                return new Registration(customer, product);
            }
        }
    }

    /** 5,000 to 250,000, more small deals than large; half of them round hundreds. */
    static BigDecimal amount(Random random) {
        double value = Math.exp(uniform(random, Math.log(5_000), Math.log(250_000)));
        BigDecimal amount = chance(random, 0.5)
                ? BigDecimal.valueOf(Math.round(value / 100) * 100L)
                : BigDecimal.valueOf(Math.round(value * 100), 2);
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
