package io.sidecar.prm.query.partner;

import static io.sidecar.prm.query.DealTestData.PARTNER;
import static io.sidecar.prm.query.DealTestData.approved;
import static io.sidecar.prm.query.DealTestData.lost;
import static io.sidecar.prm.query.DealTestData.recorded;
import static io.sidecar.prm.query.DealTestData.usd;
import static io.sidecar.prm.query.DealTestData.won;
import static io.sidecar.prm.query.PartnerTestData.onboarded;
import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.deal.DealEvent;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerGoalSet;
import io.sidecar.prm.events.partner.PartnerSuspended;
import io.sidecar.prm.events.partner.Sentiment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health score and at-risk (DOMAIN.md, "Figures the dashboards show"), computed for a day. */
class PartnerHealthTest {

    /** Day 46 of the 90 days of 2026-Q1: 46/90 of the quarter has elapsed. */
    private static final LocalDate TODAY = LocalDate.parse("2026-02-15");

    private final PartnerViewFold fold = new PartnerViewFold("USD");

    @Test
    void aPartnerCheckedInLatelyWithoutGoalOrClosedDealIsHealthy() {
        PartnerView partner = active(checkIn(TODAY.minusDays(3)));

        PartnerHealth health = PartnerHealth.of(partner, TODAY);

        // 40 × 0.5 (no goal) + 30 × 0.5 (win rate n/a) + 30 × 1 (checked in within 30 days)
        assertThat(health).isEqualTo(new PartnerHealth(65, false, 3));
    }

    @Test
    void sixtyOneDaysWithoutCheckInLowerTheScoreAndPutThePartnerAtRisk() {
        PartnerView partner = active(checkIn(TODAY));

        PartnerHealth today = PartnerHealth.of(partner, TODAY);
        PartnerHealth later = PartnerHealth.of(partner, TODAY.plusDays(61));

        assertThat(today).isEqualTo(new PartnerHealth(65, false, 0));
        // engagement (90 − 61) ÷ 60 = 0.4833: 20 + 15 + 14.5 rounds half up to 50, at risk for the quiet 61 days
        assertThat(later).isEqualTo(new PartnerHealth(50, true, 61));
    }

    @Test
    void engagementFallsLinearlyFromThirtyToNinetyDays() {
        PartnerView partner = active(checkIn(TODAY.minusDays(60)));

        assertThat(PartnerHealth.of(partner, TODAY).healthScore()).isEqualTo(20 + 15 + 15);
        assertThat(PartnerHealth.of(partner, TODAY.plusDays(30)).healthScore()).isEqualTo(20 + 15);
        assertThat(PartnerHealth.of(partner, TODAY.minusDays(30)).healthScore()).isEqualTo(20 + 15 + 30);
    }

    @Test
    void aPartnerNeverCheckedInScoresNoEngagementAndIsAtRisk() {
        PartnerHealth health = PartnerHealth.of(active(), TODAY);

        assertThat(health).isEqualTo(new PartnerHealth(35, true, null));
    }

    @Test
    void attainmentAheadOfTheQuarterCountsInFullAndTheWinRateAsItIs() {
        PartnerView partner = active(
                checkIn(TODAY.minusDays(10)),
                goal("2026-Q1", "100000.00"),
                recorded("d-1", "60000.00"),
                approved("d-1"),
                won("d-1", "60000.00", TODAY.minusDays(1)),
                recorded("d-2", "5000.00"),
                approved("d-2"),
                lost("d-2", "price"));

        // 0.6 attained after 46/90 of the quarter: min(1, 1.17) → 40; win rate 0.5 → 15; engagement → 30
        assertThat(PartnerHealth.of(partner, TODAY)).isEqualTo(new PartnerHealth(85, false, 10));
    }

    @Test
    void attainmentBelowHalfTheElapsedQuarterPutsAPartnerAtRiskWhateverItsScore() {
        PartnerView partner = active(
                checkIn(TODAY.minusDays(10)),
                goal("2026-Q1", "100000.00"),
                recorded("d-1", "20000.00"),
                approved("d-1"),
                won("d-1", "20000.00", TODAY.minusDays(1)));

        PartnerHealth health = PartnerHealth.of(partner, TODAY);

        // 40 × 0.2 ÷ (46/90) = 15.65 + 30 × 1 (one won, none lost) + 30 = 75.65; 0.2 < 0.5 × 46/90 = 0.256
        assertThat(health).isEqualTo(new PartnerHealth(76, true, 10));
        assertThat(PartnerHealth.of(partner, LocalDate.parse("2026-01-20")).atRisk())
                .as("early in the quarter 0.2 is ahead of half the elapsed fraction")
                .isFalse();
    }

    @Test
    void aGoalOfAnotherQuarterCountsAsNoGoal() {
        PartnerView partner = active(checkIn(TODAY), goal("2026-Q2", "100000.00"));

        assertThat(PartnerHealth.of(partner, TODAY)).isEqualTo(new PartnerHealth(65, false, 0));
    }

    @Test
    void onlyAnActivePartnerCanBeAtRisk() {
        PartnerView suspended = fold.apply(active(), new PartnerSuspended(PARTNER, "audit", Instant.now()), 2);
        PartnerView onboarding = fold.apply(null, onboarded(PARTNER), 0);

        assertThat(PartnerHealth.of(suspended, TODAY)).isEqualTo(new PartnerHealth(35, false, null));
        assertThat(PartnerHealth.of(onboarding, TODAY).atRisk()).isFalse();
    }

    /** An active partner with the given events after activation. */
    private PartnerView active(Object... events) {
        PartnerView view = fold.apply(null, onboarded(PARTNER), 0);
        view = fold.apply(view, new PartnerActivated(PARTNER, Instant.parse("2026-01-06T10:00:00Z")), 1);
        long partnerSequence = 2;
        long dealSequence = 0;
        String lastDeal = null;
        for (Object event : events) {
            boolean dealEvent = event instanceof DealEvent;
            if (dealEvent) {
                String deal = ((DealEvent) event).dealId();
                dealSequence = deal.equals(lastDeal) ? dealSequence + 1 : 0;
                lastDeal = deal;
            }
            view = fold.apply(view, event, dealEvent ? dealSequence : partnerSequence++);
        }
        return view;
    }

    private static CheckInRecorded checkIn(LocalDate on) {
        return new CheckInRecorded(
                PARTNER,
                "c-" + on,
                on,
                List.of("Ada"),
                "quarterly review",
                Sentiment.POSITIVE,
                List.of(),
                on.atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static PartnerGoalSet goal(String period, String target) {
        return new PartnerGoalSet(PARTNER, period, usd(target), null, Instant.parse("2026-01-07T10:00:00Z"));
    }
}
