package io.sidecar.prm.command.demo;

import static io.sidecar.prm.command.demo.Chance.between;
import static io.sidecar.prm.command.demo.Chance.chance;
import static io.sidecar.prm.command.demo.Chance.later;
import static io.sidecar.prm.command.demo.Chance.uniform;
import static io.sidecar.prm.command.demo.DemoNames.pick;

import io.sidecar.prm.command.demo.DealDraft.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

/**
 * How a deal's story goes once recorded: a few are rejected; the rest are approved within days, move through some
 * stages, get more protection when they take long, and are won or lost weeks or months later. What the story has
 * not closed by its end stays open; an approved deal left open past its protection would be expired by the sweep
 * while the demo data is being written, so only a few are left that way on purpose and the others are closed in
 * time.
 */
final class DealLifecycle {

    /** The odds that a deal reached the first, second and third stage: open ones, closed ones. */
    private static final double[] OPEN_STAGES = {0.8, 0.5, 0.25};

    private static final double[] CLOSED_STAGES = {0.25, 0.1, 0.03};

    private final Timeframe frame;
    private final Duration protection;
    private int expiringLeft;

    DealLifecycle(Timeframe frame, Duration protection, int expiring) {
        this.frame = frame;
        this.protection = protection;
        this.expiringLeft = expiring;
    }

    void shape(DealDraft deal, PartnerLife life, Random random) {
        Instant end = life.end(frame);
        Instant plannedClose = later(random, deal.recordedAt, 20, 100);
        deal.expectedClose = expectedClose(deal.recordedAt, plannedClose, random);
        if (chance(random, 0.06)) {
            Instant rejectedAt = later(random, deal.recordedAt, 0.3, 5);
            if (rejectedAt.isBefore(end)) {
                deal.close(Outcome.REJECTED, rejectedAt, pick(random, DemoTexts.REJECTION_REASONS));
            }
            return;
        }
        Instant approvedAt = later(random, deal.recordedAt, 0.2, 6);
        if (!approvedAt.isBefore(end)) {
            return;
        }
        deal.approvedAt = approvedAt;
        Instant closeAt = plannedClose.isAfter(approvedAt) ? plannedClose : later(random, approvedAt, 15, 30);
        extend(deal, closeAt, end, random);
        Instant until = deal.protectedUntil(protection);
        if (expiringLeft > 0
                && life.offboardedAt() == null
                && until.isBefore(frame.now().minus(Duration.ofDays(7)))
                && until.isAfter(frame.now().minus(Duration.ofDays(150)))
                && chance(random, 0.05)) {
            // nobody closes it: its protection ran out in the past, and the expiry sweep expires it at start
            expiringLeft--;
            deal.expiring = true;
            stages(deal, OPEN_STAGES, until, random);
            return;
        }
        closeAt = closeAt.isBefore(until) ? closeAt : until.minus(Duration.ofDays(1));
        boolean won = chance(random, 0.55);
        if (closeAt.isBefore(end)) {
            // few closed deals went through stages: the stages that matter are those of the open pipeline
            stages(deal, CLOSED_STAGES, closeAt, random);
            close(deal, won, closeAt, random);
            return;
        }
        stages(deal, OPEN_STAGES, end, random);
        if (!until.isAfter(frame.now().plus(Duration.ofDays(1)))) {
            // left open by an offboarding with its protection over before the demo data is written: the sweep and
            // the withdrawal would race for it
            Instant latest = until.isBefore(end) ? until : end;
            close(deal, won, between(random, deal.lastActivity().plusSeconds(60), latest.minusSeconds(3600)), random);
        }
    }

    /** More protection, when the deal will take longer than its protection, and now and then just in case. */
    private void extend(DealDraft deal, Instant closeAt, Instant end, Random random) {
        Instant protectedUntil = deal.approvedAt.plus(protection);
        if (closeAt.isBefore(protectedUntil.minus(Duration.ofHours(12))) && !chance(random, 0.03)) {
            return;
        }
        Instant extendAt =
                between(random, deal.approvedAt.plus(protection.dividedBy(2)), protectedUntil.minusSeconds(3600));
        long needed = Math.max(0, Duration.between(protectedUntil, closeAt).toDays() + 1);
        if (extendAt.isBefore(closeAt) && extendAt.isBefore(end)) {
            deal.extendedAt = extendAt;
            deal.extensionDays = (int) Math.min(180, needed + 3 + random.nextInt(28));
        }
    }

    /** Stages a few weeks apart, as many as the odds give, all before {@code before}. */
    private static void stages(DealDraft deal, double[] odds, Instant before, Random random) {
        double roll = random.nextDouble();
        Instant at = deal.approvedAt;
        for (int stage = 0; stage < odds.length && roll < odds[stage]; stage++) {
            at = later(random, at, 2, 20);
            if (at.isBefore(before)) {
                deal.stagesAt.add(at);
            }
        }
    }

    private static void close(DealDraft deal, boolean won, Instant at, Random random) {
        if (won) {
            deal.wonAmount = chance(random, 0.3)
                    ? deal.amount
                    : deal.amount
                            .multiply(BigDecimal.valueOf(uniform(random, 0.85, 1.05)))
                            .setScale(2, RoundingMode.HALF_UP);
            deal.close(Outcome.WON, at, null);
        } else {
            deal.close(Outcome.LOST, at, pick(random, DemoTexts.LOSS_REASONS));
        }
    }

    /** What the partner expected when it registered: near the real close, never before the registration day. */
    private static LocalDate expectedClose(Instant recordedAt, Instant plannedClose, Random random) {
        LocalDate recorded = Quarters.day(recordedAt);
        LocalDate expected = Quarters.day(plannedClose).plusDays(random.nextInt(31) - 10);
        return expected.isBefore(recorded) ? recorded : expected;
    }
}
