package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.deal.DealEvent;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.OnboardingStepCompleted;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerContactErased;
import io.sidecar.prm.events.partner.PartnerGoalSet;
import io.sidecar.prm.events.partner.PartnerOffboarded;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerProfileUpdated;
import io.sidecar.prm.events.partner.PartnerReinstated;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerSuspended;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerTierChanged;
import io.sidecar.prm.query.readmodel.StreamVersions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The pure fold from a partner's events (its own and its deals') to its {@link PartnerView}: no I/O, so the same
 * function serves the live projection, any rebuild and the auditors' state as of an instant. The deal figures are
 * {@link DealFigures}' part, the goals' attainment {@link PartnerGoals}'.
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
        if (event instanceof DealEvent deal) {
            // a deal's events count in its own stream, not in the partner's version
            DealFigures figures = DealFigures.of(view).apply(event);
            return PartnerViewDraft.of(view)
                    .figures(figures)
                    .goals(PartnerGoals.withWon(view.goals(), figures.wonByQuarter()))
                    .dealVersion(deal.dealId(), sequence + 1)
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
            return draft.goals(PartnerGoals.withGoal(view.goals(), goal, view.wonRevenueByQuarter()))
                    .build();
        }
        if (event instanceof CheckInRecorded checkIn) {
            return draft.checkIn(checkIn(checkIn), NEWEST_FIRST).build();
        }
        if (event instanceof PartnerProfileUpdated updated) {
            return draft.profile(updated).build();
        }
        if (event instanceof PartnerContactErased) {
            return draft.contactErased().build();
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
        DealFigures figures = DealFigures.none(reportingCurrency);
        return new PartnerView(
                event.partnerId(),
                event.name(),
                event.type(),
                event.region(),
                event.contact(),
                event.website(),
                event.language(),
                PartnerStatus.ONBOARDING,
                null,
                PartnerTier.REGISTERED,
                new PartnerView.Onboarding(List.of(), List.of(OnboardingStep.values())),
                List.of(),
                List.of(),
                0,
                null,
                figures.pipeline(),
                figures.pipelineByStage(),
                figures.wonRevenue(),
                figures.wonByQuarter(),
                figures.winRate(),
                figures.dealsWon(),
                figures.dealsLost(),
                figures.open().size(),
                event.onboardedAt(),
                null,
                sequence + 1,
                figures.open(),
                StreamVersions.NONE);
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
