package io.sidecar.prm.command.demo;

import static io.sidecar.prm.command.demo.Chance.between;
import static io.sidecar.prm.command.demo.Chance.chance;
import static io.sidecar.prm.command.demo.Chance.later;
import static io.sidecar.prm.command.demo.DemoNames.pick;

import io.sidecar.prm.command.demo.DemoPlan.Step;
import io.sidecar.prm.command.partner.ActivatePartnerCommand;
import io.sidecar.prm.command.partner.ChangePartnerTierCommand;
import io.sidecar.prm.command.partner.CompleteOnboardingStepCommand;
import io.sidecar.prm.command.partner.OffboardPartnerCommand;
import io.sidecar.prm.command.partner.OnboardPartnerCommand;
import io.sidecar.prm.command.partner.OnboardPartnerCommand.ContactDetails;
import io.sidecar.prm.command.partner.ReinstatePartnerCommand;
import io.sidecar.prm.command.partner.SuspendPartnerCommand;
import io.sidecar.prm.command.partner.UpdatePartnerProfileCommand;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A partner's own commands, from its {@link PartnerLife}: onboarding, checklist, activation, a manager's tier
 * changes, a profile change, suspension, reinstatement, offboarding; goals and check-ins come from
 * {@link PartnerRhythm}.
 */
final class PartnerSteps {

    private final Timeframe frame;
    private final DemoNames names;
    private final PartnerRhythm rhythm;

    PartnerSteps(Timeframe frame, DemoNames names, PartnerRhythm rhythm) {
        this.frame = frame;
        this.names = names;
        this.rhythm = rhythm;
    }

    List<Step> of(PartnerLife life, DemoNames.Identity identity, PartnerType type, int deals, Random random) {
        String id = life.partnerId();
        ContactDetails contact = names.contact(random, identity.domain(), identity.region());
        List<Step> steps = new ArrayList<>();
        Instant onboarded = life.onboardedAt();
        add(
                steps,
                onboarded,
                new OnboardPartnerCommand(
                        id,
                        identity.name(),
                        type,
                        identity.region(),
                        contact,
                        identity.website(),
                        identity.language(),
                        onboarded));
        for (int i = 0; i < life.stepsAt().size(); i++) {
            Instant at = life.stepsAt().get(i);
            add(steps, at, new CompleteOnboardingStepCommand(id, OnboardingStep.values()[i], at));
        }
        if (life.activatedAt() == null) {
            rhythm.checkIns(steps, life, contact, null, random);
            return steps;
        }
        add(steps, life.activatedAt(), new ActivatePartnerCommand(id, life.activatedAt()));
        tierChanges(steps, life, random);
        PartnerRhythm.ContactChange change = profileChange(steps, life, identity, random);
        rhythm.goals(steps, life, deals, random);
        rhythm.checkIns(steps, life, contact, change, random);
        Instant suspended = life.suspendedAt();
        if (suspended != null) {
            add(steps, suspended, new SuspendPartnerCommand(id, pick(random, DemoTexts.SUSPENSION_REASONS), suspended));
        }
        if (life.reinstatedAt() != null) {
            add(steps, life.reinstatedAt(), new ReinstatePartnerCommand(id, life.reinstatedAt()));
        }
        Instant offboarded = life.offboardedAt();
        if (offboarded != null) {
            add(
                    steps,
                    offboarded,
                    new OffboardPartnerCommand(id, pick(random, DemoTexts.OFFBOARDING_REASONS), offboarded));
        }
        return steps;
    }

    /** Some partners are fast-tracked soon after activation; a few are demoted in the last year. */
    private void tierChanges(List<Step> steps, PartnerLife life, Random random) {
        if (chance(random, 0.12)) {
            Instant at = later(random, life.activatedAt(), 3, 30);
            PartnerTier tier = chance(random, 0.7) ? PartnerTier.SILVER : PartnerTier.GOLD;
            if (life.activeAt(at) && at.isBefore(frame.horizon())) {
                add(steps, at, new ChangePartnerTierCommand(life.partnerId(), tier, DemoTexts.FAST_TRACK, at));
            }
        }
        if (chance(random, 0.06)) {
            Instant at = between(random, frame.now().minus(Duration.ofDays(300)), frame.horizon());
            PartnerTier tier = chance(random, 0.5) ? PartnerTier.REGISTERED : PartnerTier.SILVER;
            if (life.activeAt(at) && at.isAfter(life.activatedAt().plus(Duration.ofDays(60)))) {
                add(steps, at, new ChangePartnerTierCommand(life.partnerId(), tier, DemoTexts.TIER_REVIEW, at));
            }
        }
    }

    /** A third of the partners change their profile once; answers the new contact if that is what changed. */
    private PartnerRhythm.ContactChange profileChange(
            List<Step> steps, PartnerLife life, DemoNames.Identity identity, Random random) {
        if (!chance(random, 0.35)) {
            return null;
        }
        Instant at = between(
                random,
                life.activatedAt().plus(Duration.ofDays(20)),
                life.end(frame).minus(Duration.ofDays(1)));
        double roll = random.nextDouble();
        String name = null;
        String website = null;
        String region = null;
        ContactDetails contact = null;
        if (roll < 0.3) {
            website = "https://partners." + identity.domain();
        } else if (roll < 0.65) {
            contact = names.contact(random, identity.domain(), identity.region());
        } else if (roll < 0.85) {
            name = names.rename(random, identity.name(), identity.region());
        } else {
            region = DemoNames.REGION_CODES.stream()
                    .filter(other -> !other.equals(identity.region()))
                    .toList()
                    .get(random.nextInt(DemoNames.REGION_CODES.size() - 1));
        }
        add(steps, at, new UpdatePartnerProfileCommand(life.partnerId(), name, website, region, contact, at));
        return contact == null ? null : new PartnerRhythm.ContactChange(contact, at);
    }

    static void add(List<Step> steps, Instant at, Object command) {
        steps.add(new Step(at, null, command));
    }
}
