package io.sidecar.prm.query.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealRecorded;
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
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.events.partner.Sentiment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartnerViewFoldTest {

    private static final Instant ONBOARDED_AT = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-02-01T09:30:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-01-10");
    private static final PartnerOnboarded ONBOARDED = new PartnerOnboarded(
            "p-1",
            "Acme",
            PartnerType.RESELLER,
            "DE",
            new Contact("Ada", "ada@acme.example", null),
            "https://acme.example",
            "pt-BR",
            ONBOARDED_AT);

    private final PartnerViewFold fold = new PartnerViewFold("USD");

    @Test
    void onboardingCreatesTheViewAtVersionOneWithZeroFigures() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        assertThat(view.id()).isEqualTo("p-1");
        assertThat(view.name()).isEqualTo("Acme");
        assertThat(view.status()).isEqualTo(PartnerStatus.ONBOARDING);
        assertThat(view.tier()).isEqualTo(PartnerTier.REGISTERED);
        assertThat(view.pipeline()).isEqualTo(Money.zero("USD"));
        assertThat(view.wonRevenue()).isEqualTo(Money.zero("USD"));
        assertThat(view.pipelineByStage())
                .containsOnlyKeys("UNSTAGED", "QUALIFIED", "PROPOSAL", "NEGOTIATION")
                .allSatisfy((stage, amount) -> assertThat(amount).isEqualTo(Money.zero("USD")));
        assertThat(view.wonRevenueByQuarter()).isEmpty();
        assertThat(view.winRate()).as("n/a").isNull();
        assertThat(view.dealsWon()).isZero();
        assertThat(view.dealsLost()).isZero();
        assertThat(view.openDeals()).isZero();
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.onboardedAt()).isEqualTo(ONBOARDED_AT);
    }

    @Test
    void onboardingGivesTheLanguageToContactThePartnerIn() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        assertThat(view.language()).isEqualTo("pt-BR");
    }

    @Test
    void theLanguageStaysThroughTheEventsThatFollow() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        view = fold.apply(view, new PartnerProfileUpdated("p-1", "Acme Global", null, "FR", null, LATER), 1);
        view = fold.apply(view, new PartnerActivated("p-1", LATER), 2);
        view = fold.apply(view, deal("d-1", "10.00"), 0);

        assertThat(view.language()).isEqualTo("pt-BR");
    }

    @Test
    void recordedDealsAreOpenButNeitherInThePipelineNorInThePartnersVersion() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        view = fold.apply(view, deal("d-1", "1000.10"), 0);
        view = fold.apply(view, deal("d-2", "250.00"), 0);

        assertThat(view.pipeline())
                .as("pending registrations are not pipeline yet")
                .isEqualTo(Money.zero("USD"));
        assertThat(view.openDeals()).isEqualTo(2);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.appliedVersion("p-1")).isEqualTo(1);
        assertThat(view.appliedVersion("d-1")).isEqualTo(1);
        assertThat(view.appliedVersion("d-2")).isEqualTo(1);
        assertThat(view.appliedVersion("d-3")).isZero();
    }

    @Test
    void aDealOfAPartnerNotYetSeenLeavesNoView() {
        assertThat(fold.apply(null, deal("d-1", "10.00"), 0)).isNull();
    }

    @Test
    void aPartnerEventBeforeItsOnboardingLeavesNoView() {
        assertThat(fold.apply(null, new PartnerActivated("p-1", LATER), 4)).isNull();
    }

    @Test
    void anUnknownEventLeavesTheViewAsItWas() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        assertThat(fold.apply(view, "something else", 3)).isSameAs(view);
    }

    @Test
    void aCompletedStepMovesFromMissingToDoneInChecklistOrder() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        view = fold.apply(view, step(OnboardingStep.TRAINING_COMPLETED), 1);
        view = fold.apply(view, step(OnboardingStep.AGREEMENT_SIGNED), 2);

        assertThat(view.onboarding().done())
                .containsExactly(OnboardingStep.AGREEMENT_SIGNED, OnboardingStep.TRAINING_COMPLETED);
        assertThat(view.onboarding().missing()).containsExactly(OnboardingStep.COMPLIANCE_CHECKED);
        assertThat(view.status()).isEqualTo(PartnerStatus.ONBOARDING);
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void activationMakesThePartnerActiveAndRecordsWhen() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        view = fold.apply(view, new PartnerActivated("p-1", LATER), 4);

        assertThat(view.status()).isEqualTo(PartnerStatus.ACTIVE);
        assertThat(view.statusReason()).isNull();
        assertThat(view.activatedAt()).isEqualTo(LATER);
        assertThat(view.version()).isEqualTo(5);
    }

    @Test
    void aTierChangeSetsTheNewTier() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        view = fold.apply(
                view,
                new PartnerTierChanged("p-1", PartnerTier.REGISTERED, PartnerTier.GOLD, "Top", false, null, LATER),
                5);

        assertThat(view.tier()).isEqualTo(PartnerTier.GOLD);
        assertThat(view.version()).isEqualTo(6);
    }

    @Test
    void aGoalReplacesTheGoalOfItsQuarterAndGoalsAreOrderedByQuarter() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        view = fold.apply(view, goal("2026-Q4", "1000.00", 4, ONBOARDED_AT), 1);
        view = fold.apply(view, goal("2026-Q3", "500.00", null, ONBOARDED_AT), 2);
        view = fold.apply(view, goal("2026-Q3", "750.00", 3, LATER), 3);

        assertThat(view.goals()).extracting(PartnerView.Goal::period).containsExactly("2026-Q3", "2026-Q4");
        PartnerView.Goal q3 = view.goals().get(0);
        assertThat(q3.revenueTarget()).isEqualTo(usd("750.00"));
        assertThat(q3.dealTarget()).isEqualTo(3);
        assertThat(q3.setAt()).isEqualTo(LATER);
        assertThat(q3.wonRevenue()).isEqualTo(Money.zero("USD"));
        assertThat(q3.dealsWon()).isZero();
        assertThat(q3.attainment()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(view.goals().get(1).revenueTarget()).isEqualTo(usd("1000.00"));
        assertThat(view.version()).isEqualTo(4);
    }

    @Test
    void onlyTheTenNewestCheckInsAreKeptNewestFirstButAllAreCounted() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);
        List<Integer> days = List.of(5, 12, 1, 9, 3, 11, 7, 2, 10, 4, 8, 6);

        for (int i = 0; i < days.size(); i++) {
            view = fold.apply(view, checkIn("c-" + days.get(i), DAY.plusDays(days.get(i)), LATER), i + 1);
        }

        assertThat(view.recentCheckIns())
                .extracting(PartnerView.CheckIn::checkInId)
                .containsExactly("c-12", "c-11", "c-10", "c-9", "c-8", "c-7", "c-6", "c-5", "c-4", "c-3");
        assertThat(view.checkIns()).isEqualTo(12);
        assertThat(view.lastCheckInOn()).isEqualTo(DAY.plusDays(12));
        assertThat(view.version()).isEqualTo(13);
    }

    @Test
    void aCheckInAboutAnEarlierDayCountsButIsNeitherTheLastNorAmongTheNewest() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);
        for (int i = 1; i <= 10; i++) {
            view = fold.apply(view, checkIn("c-" + i, DAY.plusDays(i), LATER), i);
        }

        view = fold.apply(view, checkIn("late-report", DAY, LATER.plusSeconds(60)), 11);

        assertThat(view.checkIns()).isEqualTo(11);
        assertThat(view.lastCheckInOn()).isEqualTo(DAY.plusDays(10));
        assertThat(view.recentCheckIns())
                .hasSize(10)
                .extracting(PartnerView.CheckIn::checkInId)
                .doesNotContain("late-report");
        PartnerView.CheckIn newest = view.recentCheckIns().get(0);
        assertThat(newest.checkInId()).isEqualTo("c-10");
        assertThat(newest.attendees()).containsExactly("Ada");
        assertThat(newest.summary()).isEqualTo("Summary of c-10");
        assertThat(newest.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(newest.nextSteps()).containsExactly("Follow up");
        assertThat(newest.recordedAt()).isEqualTo(LATER);
    }

    @Test
    void checkInsOfOneDayAreOrderedByWhenTheyWereRecorded() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        view = fold.apply(view, checkIn("morning", DAY, LATER), 1);
        view = fold.apply(view, checkIn("evening", DAY, LATER.plusSeconds(3600)), 2);

        assertThat(view.recentCheckIns())
                .extracting(PartnerView.CheckIn::checkInId)
                .containsExactly("evening", "morning");
    }

    @Test
    void anErasureShowsEachFieldOfTheContactErasedAndNothingElse() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);

        PartnerView erased = fold.apply(view, new PartnerContactErased("p-1", LATER), 1);

        assertThat(erased.contact()).isEqualTo(new Contact(Contact.ERASED, Contact.ERASED, null));
        assertThat(erased.name()).isEqualTo("Acme");
        assertThat(erased.version()).isEqualTo(2);
    }

    @Test
    void aProfileUpdateChangesOnlyTheFieldsItGives() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);
        Contact grace = new Contact("Grace", "grace@acme.example", "+1 555 0100");

        view = fold.apply(view, new PartnerProfileUpdated("p-1", "Acme Global", null, null, null, LATER), 1);

        assertThat(view.name()).isEqualTo("Acme Global");
        assertThat(view.region()).isEqualTo("DE");
        assertThat(view.website()).isEqualTo("https://acme.example");
        assertThat(view.contact()).isEqualTo(ONBOARDED.contact());
        assertThat(view.version()).isEqualTo(2);

        view = fold.apply(view, new PartnerProfileUpdated("p-1", null, "https://acme.global", "FR", grace, LATER), 2);

        assertThat(view.name()).isEqualTo("Acme Global");
        assertThat(view.region()).isEqualTo("FR");
        assertThat(view.website()).isEqualTo("https://acme.global");
        assertThat(view.contact()).isEqualTo(grace);
        assertThat(view.type()).isEqualTo(PartnerType.RESELLER);
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void suspensionAndOffboardingGiveTheirReasonAndReinstatementClearsIt() {
        PartnerView view = fold.apply(null, ONBOARDED, 0);
        view = fold.apply(view, new PartnerActivated("p-1", LATER), 1);

        view = fold.apply(view, new PartnerSuspended("p-1", "Compliance review", LATER), 2);
        assertThat(view.status()).isEqualTo(PartnerStatus.SUSPENDED);
        assertThat(view.statusReason()).isEqualTo("Compliance review");

        view = fold.apply(view, new PartnerReinstated("p-1", LATER.plusSeconds(60)), 3);
        assertThat(view.status()).isEqualTo(PartnerStatus.ACTIVE);
        assertThat(view.statusReason()).isNull();
        assertThat(view.activatedAt()).as("the first activation stays").isEqualTo(LATER);

        view = fold.apply(view, new PartnerOffboarded("p-1", "Partnership ended", LATER.plusSeconds(120)), 4);
        assertThat(view.status()).isEqualTo(PartnerStatus.OFFBOARDED);
        assertThat(view.statusReason()).isEqualTo("Partnership ended");
        assertThat(view.version()).isEqualTo(5);
    }

    private static OnboardingStepCompleted step(OnboardingStep step) {
        return new OnboardingStepCompleted("p-1", step, LATER);
    }

    private static PartnerGoalSet goal(String period, String target, Integer dealTarget, Instant setAt) {
        return new PartnerGoalSet("p-1", period, usd(target), dealTarget, setAt);
    }

    private static CheckInRecorded checkIn(String checkInId, LocalDate occurredOn, Instant recordedAt) {
        return new CheckInRecorded(
                "p-1",
                checkInId,
                occurredOn,
                List.of("Ada"),
                "Summary of " + checkInId,
                Sentiment.NEUTRAL,
                List.of("Follow up"),
                recordedAt);
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private static DealRecorded deal(String dealId, String amount) {
        return new DealRecorded(
                dealId,
                "p-1",
                new Customer("Globex", "globex.example"),
                "Sidecar",
                new Money(new BigDecimal(amount), "USD"),
                LocalDate.parse("2026-03-31"),
                null,
                ONBOARDED_AT);
    }
}
