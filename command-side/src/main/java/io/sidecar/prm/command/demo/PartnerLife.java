package io.sidecar.prm.command.demo;

import static io.sidecar.prm.command.demo.Chance.between;
import static io.sidecar.prm.command.demo.Chance.chance;
import static io.sidecar.prm.command.demo.Chance.earlier;
import static io.sidecar.prm.command.demo.Chance.later;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The dates of one partner's story: when it was onboarded, went through its checklist, was activated, suspended,
 * reinstated or offboarded; how big it is; how recently it was talked to. The commands follow from these.
 *
 * @param index        its place in the plan
 * @param partnerId    its id
 * @param kind         how its story ends
 * @param engagement   how recently its last check-in took place
 * @param size         how many deals it brings, relative to the others (around 1)
 * @param onboardedAt  when it was onboarded
 * @param stepsAt      when its onboarding steps were completed, in checklist order (fewer if still onboarding)
 * @param activatedAt  when it was activated, {@code null} while onboarding
 * @param suspendedAt  when it was suspended, or {@code null}
 * @param reinstatedAt when it was reinstated, or {@code null}
 * @param offboardedAt when it was offboarded, or {@code null}
 */
record PartnerLife(
        int index,
        String partnerId,
        Kind kind,
        Engagement engagement,
        double size,
        Instant onboardedAt,
        List<Instant> stepsAt,
        Instant activatedAt,
        Instant suspendedAt,
        Instant reinstatedAt,
        Instant offboardedAt) {

    /** How the story ends. */
    enum Kind {
        ACTIVE,
        /** Suspended once, reinstated, active now. */
        REINSTATED,
        SUSPENDED,
        OFFBOARDED,
        ONBOARDING
    }

    /** How long ago the last check-in took place. */
    enum Engagement {
        /** Within 30 days. */
        RECENT,
        /** 30 to 60 days. */
        FADING,
        /** Over 60 days: at risk. */
        LAPSED,
        NEVER
    }

    static PartnerLife sketch(
            int index, String partnerId, Kind kind, Engagement engagement, Random random, Timeframe frame) {
        Instant now = frame.now();
        double size = Math.min(4, Math.max(0.3, Math.exp(0.7 * random.nextGaussian())));
        if (kind == Kind.ONBOARDING) {
            Instant onboarded = earlier(random, now, 3, 40);
            List<Instant> steps = new ArrayList<>();
            Instant at = onboarded;
            for (int step = random.nextInt(3); step > 0; step--) {
                at = later(random, at, 0.2, 1.5);
                if (at.isBefore(frame.horizon())) {
                    steps.add(at);
                }
            }
            return new PartnerLife(index, partnerId, kind, engagement, size, onboarded, steps, null, null, null, null);
        }
        Instant onboarded = chance(random, 0.6)
                ? earlier(random, frame.start(), 10, 75)
                : between(random, frame.start(), now.minus(Duration.ofDays(200)));
        List<Instant> steps = new ArrayList<>();
        Instant at = onboarded;
        for (int step = 0; step < 3; step++) {
            at = later(random, at, 0.2, 6);
            steps.add(at);
        }
        Instant activated = later(random, at, 0.2, 4);
        Instant suspended = null;
        Instant reinstated = null;
        Instant offboarded = null;
        if (kind == Kind.REINSTATED) {
            suspended = between(random, activated.plus(Duration.ofDays(60)), now.minus(Duration.ofDays(60)));
            reinstated = later(random, suspended, 7, 45);
        } else if (kind == Kind.SUSPENDED) {
            suspended = earlier(random, now, 5, 80);
        } else if (kind == Kind.OFFBOARDED) {
            offboarded = earlier(random, now, 5, 60);
        }
        return new PartnerLife(
                index,
                partnerId,
                kind,
                engagement,
                size,
                onboarded,
                steps,
                activated,
                suspended,
                reinstated,
                offboarded);
    }

    /** The end of the partner's own story: its offboarding, or the horizon. */
    Instant end(Timeframe frame) {
        return offboardedAt != null ? offboardedAt : frame.horizon();
    }

    /** Whether the partner is ACTIVE at {@code at}: only then may it register deals or change tier. */
    boolean activeAt(Instant at) {
        boolean suspended =
                suspendedAt != null && !at.isBefore(suspendedAt) && (reinstatedAt == null || at.isBefore(reinstatedAt));
        return activatedAt != null
                && !at.isBefore(activatedAt)
                && (offboardedAt == null || at.isBefore(offboardedAt))
                && !suspended;
    }

    /** Whether the partner is ACTIVE when its story is over. */
    boolean activeAtEnd() {
        return kind == Kind.ACTIVE || kind == Kind.REINSTATED;
    }

    /** The spans in which it registers deals: active, a couple of days after its activation. */
    List<Instant[]> dealWindows(Timeframe frame) {
        if (activatedAt == null) {
            return List.of();
        }
        Instant from = activatedAt.plus(Duration.ofDays(2));
        if (kind == Kind.REINSTATED) {
            return List.of(new Instant[] {from, suspendedAt}, new Instant[] {reinstatedAt, frame.horizon()});
        }
        Instant to = kind == Kind.SUSPENDED ? suspendedAt : end(frame);
        return to.isAfter(from) ? List.<Instant[]>of(new Instant[] {from, to}) : List.of();
    }

    /** How long it registers deals, in days: its share of the deals grows with it. */
    double dealDays(Timeframe frame) {
        return dealWindows(frame).stream()
                .mapToDouble(window -> Duration.between(window[0], window[1]).toHours() / 24.0)
                .sum();
    }
}
