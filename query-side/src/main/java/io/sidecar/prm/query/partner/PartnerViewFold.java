package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.OnboardingStepCompleted;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerGoalSet;
import io.sidecar.prm.events.partner.PartnerOffboarded;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerProfileUpdated;
import io.sidecar.prm.events.partner.PartnerReinstated;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerSuspended;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerTierChanged;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pure fold from a partner's events (its own and its deals') to its {@link PartnerView}: no I/O, so the same
 * function serves the live projection, any rebuild and the auditors' state as of an instant.
 */
public final class PartnerViewFold {

    private static final Comparator<PartnerView.CheckIn> NEWEST_FIRST = Comparator.comparing(
                    PartnerView.CheckIn::occurredOn)
            .thenComparing(PartnerView.CheckIn::recordedAt)
            .reversed();

    private final String reportingCurrency;

    public PartnerViewFold(String reportingCurrency) {
        this.reportingCurrency = reportingCurrency;
    }

    /**
     * Applies one event.
     *
     * @param view     the view so far, or {@code null} before the partner was onboarded
     * @param event    the event's payload
     * @param sequence the event's sequence number in its aggregate's stream
     * @return the new view; the same view for an event it does not know
     */
    public PartnerView apply(PartnerView view, Object event, long sequence) {
        if (event instanceof PartnerOnboarded onboarded) {
            return onboarded(onboarded, sequence);
        }
        if (view == null) {
            return null;
        }
        if (event instanceof DealRecorded recorded) {
            return PartnerViewDraft.of(view)
                    .pipeline(view.pipeline().plus(recorded.amount()))
                    .openDeals(view.openDeals() + 1)
                    .dealVersion(recorded.dealId(), sequence + 1)
                    .build();
        }
        PartnerViewDraft draft = PartnerViewDraft.of(view).version(sequence + 1);
        if (event instanceof OnboardingStepCompleted completed) {
            return draft.onboarding(stepDone(view, completed.step())).build();
        }
        if (event instanceof PartnerActivated activated) {
            return draft.status(PartnerStatus.ACTIVE, null)
                    .activatedAt(activated.activatedAt())
                    .build();
        }
        if (event instanceof PartnerTierChanged changed) {
            return draft.tier(changed.to()).build();
        }
        if (event instanceof PartnerGoalSet goal) {
            return draft.goals(withGoal(view.goals(), goal)).build();
        }
        if (event instanceof CheckInRecorded checkIn) {
            return draft.checkIn(checkIn(checkIn), NEWEST_FIRST).build();
        }
        if (event instanceof PartnerProfileUpdated updated) {
            return draft.profile(updated).build();
        }
        if (event instanceof PartnerSuspended suspended) {
            return draft.status(PartnerStatus.SUSPENDED, suspended.reason()).build();
        }
        if (event instanceof PartnerReinstated) {
            return draft.status(PartnerStatus.ACTIVE, null).build();
        }
        if (event instanceof PartnerOffboarded offboarded) {
            return draft.status(PartnerStatus.OFFBOARDED, offboarded.reason()).build();
        }
        return view;
    }

    private PartnerView onboarded(PartnerOnboarded event, long sequence) {
        Money zero = Money.zero(reportingCurrency);
        return new PartnerView(
                event.partnerId(),
                event.name(),
                event.type(),
                event.region(),
                event.contact(),
                event.website(),
                PartnerStatus.ONBOARDING,
                null,
                PartnerTier.REGISTERED,
                new PartnerView.Onboarding(List.of(), List.of(OnboardingStep.values())),
                List.of(),
                List.of(),
                0,
                null,
                zero,
                zero,
                0,
                event.onboardedAt(),
                null,
                sequence + 1,
                Map.of());
    }

    private static PartnerView.Onboarding stepDone(PartnerView view, OnboardingStep step) {
        List<OnboardingStep> done = Stream.concat(view.onboarding().done().stream(), Stream.of(step))
                .distinct()
                .sorted()
                .toList();
        List<OnboardingStep> missing = Arrays.stream(OnboardingStep.values())
                .filter(each -> !done.contains(each))
                .toList();
        return new PartnerView.Onboarding(done, missing);
    }

    /** The goals with this one replacing any goal of the same quarter, oldest quarter first. */
    private List<PartnerView.Goal> withGoal(List<PartnerView.Goal> goals, PartnerGoalSet event) {
        Money won = goals.stream()
                .filter(goal -> goal.period().equals(event.period()))
                .map(PartnerView.Goal::wonRevenue)
                .findFirst()
                .orElse(Money.zero(reportingCurrency));
        int dealsWon = goals.stream()
                .filter(goal -> goal.period().equals(event.period()))
                .mapToInt(PartnerView.Goal::dealsWon)
                .findFirst()
                .orElse(0);
        PartnerView.Goal goal = new PartnerView.Goal(
                event.period(),
                event.revenueTarget(),
                event.dealTarget(),
                won,
                dealsWon,
                attainment(won, event.revenueTarget()),
                event.setAt());
        return Stream.concat(goals.stream().filter(each -> !each.period().equals(event.period())), Stream.of(goal))
                .sorted(Comparator.comparing(PartnerView.Goal::period))
                .toList();
    }

    static BigDecimal attainment(Money won, Money target) {
        return won.amount().divide(target.amount(), 4, RoundingMode.HALF_EVEN);
    }

    private static PartnerView.CheckIn checkIn(CheckInRecorded event) {
        return new PartnerView.CheckIn(
                event.checkInId(),
                event.occurredOn(),
                event.attendees(),
                event.summary(),
                event.sentiment(),
                event.nextSteps(),
                event.recordedAt());
    }
}
