package io.sidecar.prm.query.partner;

import static io.sidecar.prm.query.DealTestData.PARTNER;
import static io.sidecar.prm.query.DealTestData.RECORDED_AT;
import static io.sidecar.prm.query.DealTestData.approved;
import static io.sidecar.prm.query.DealTestData.conflicting;
import static io.sidecar.prm.query.DealTestData.expired;
import static io.sidecar.prm.query.DealTestData.extended;
import static io.sidecar.prm.query.DealTestData.lost;
import static io.sidecar.prm.query.DealTestData.recorded;
import static io.sidecar.prm.query.DealTestData.rejected;
import static io.sidecar.prm.query.DealTestData.staged;
import static io.sidecar.prm.query.DealTestData.usd;
import static io.sidecar.prm.query.DealTestData.withdrawn;
import static io.sidecar.prm.query.DealTestData.won;
import static io.sidecar.prm.query.PartnerTestData.ONBOARDED_AT;
import static io.sidecar.prm.query.PartnerTestData.onboarded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.sidecar.prm.events.deal.DealEvent;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.partner.PartnerGoalSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The partner's deal figures (DOMAIN.md, "Figures the dashboards show") as its fold keeps them. */
class PartnerViewFoldDealsTest {

    private static final LocalDate IN_Q1 = LocalDate.parse("2026-02-10");
    private static final LocalDate IN_Q2 = LocalDate.parse("2026-04-01");

    private final PartnerViewFold fold = new PartnerViewFold("USD");
    /** The next sequence number of each stream: the partner's and each deal's. */
    private final Map<String, Long> sequences = new HashMap<>();

    private PartnerView view;

    @BeforeEach
    void onboard() {
        view = fold.apply(null, onboarded(PARTNER), 0);
        sequences.put(PARTNER, 1L);
    }

    @Test
    void aPendingDealIsOpenButNotInThePipeline() {
        given(recorded("d-1", "100.00"));

        assertThat(view.openDeals()).isEqualTo(1);
        assertThat(view.pipeline()).isEqualTo(usd("0.00"));
        assertThat(view.openDealsById())
                .containsExactly(entry("d-1", open("100.00", DealStatus.PENDING_APPROVAL, null)));
    }

    @Test
    void anApprovedDealJoinsThePipelineUnstagedThenUnderEachStageItReaches() {
        given(recorded("d-1", "100.00"), recorded("d-2", "50.25"), approved("d-1"));

        assertThat(view.pipeline()).isEqualTo(usd("100.00"));
        assertThat(view.pipelineByStage().keySet()).containsExactly("UNSTAGED", "QUALIFIED", "PROPOSAL", "NEGOTIATION");
        assertThat(view.pipelineByStage()).containsEntry("UNSTAGED", usd("100.00"));

        given(staged("d-1", null, DealStage.QUALIFIED), approved("d-2"), staged("d-2", null, DealStage.QUALIFIED));
        given(staged("d-1", DealStage.QUALIFIED, DealStage.PROPOSAL));

        assertThat(view.pipeline()).isEqualTo(usd("150.25"));
        assertThat(view.pipelineByStage())
                .containsExactly(
                        entry("UNSTAGED", usd("0.00")),
                        entry("QUALIFIED", usd("50.25")),
                        entry("PROPOSAL", usd("100.00")),
                        entry("NEGOTIATION", usd("0.00")));
        assertThat(view.openDeals()).isEqualTo(2);
    }

    @Test
    void aDealLeavesThePipelineAndTheOpenDealsWhenWonLostExpiredOrWithdrawn() {
        for (int i = 1; i <= 5; i++) {
            given(recorded("d-" + i, i + ".00"), approved("d-" + i));
        }
        given(recorded("d-6", "6.00"));
        assertThat(view.pipeline()).isEqualTo(usd("15.00"));

        given(won("d-1", "1.00", IN_Q1), lost("d-2", "Budget cut"), expired("d-3"), withdrawn("d-4"));
        given(withdrawn("d-6"));

        assertThat(view.pipeline()).isEqualTo(usd("5.00"));
        assertThat(view.pipelineByStage()).containsEntry("UNSTAGED", usd("5.00"));
        assertThat(view.openDeals()).isEqualTo(1);
        assertThat(view.openDealsById()).containsOnlyKeys("d-5");
    }

    @Test
    void aWonDealTakesItsRegisteredAmountOutOfThePipelineAndAddsTheAmountWon() {
        given(recorded("d-1", "100.00"), approved("d-1"), extended("d-1", 30));
        assertThat(view.pipeline()).isEqualTo(usd("100.00"));

        given(won("d-1", "120.50", IN_Q1));

        assertThat(view.pipeline()).isEqualTo(usd("0.00"));
        assertThat(view.wonRevenue()).isEqualTo(usd("120.50"));
        assertThat(view.dealsWon()).isEqualTo(1);
        assertThat(view.openDeals()).isZero();
    }

    @Test
    void aProtectionExtensionChangesNoFigureButCountsAsFoldedForItsDeal() {
        given(recorded("d-1", "100.00"), approved("d-1"), staged("d-1", null, DealStage.PROPOSAL));
        PartnerView before = view;

        given(extended("d-1", 30));

        assertThat(view)
                .usingRecursiveComparison()
                .ignoringFields("dealVersions")
                .isEqualTo(before);
        assertThat(view.appliedVersion("d-1")).isEqualTo(4);
        assertThat(view.version()).as("the partner's own stream").isEqualTo(1);
        assertThat(view.pipelineByStage()).containsEntry("PROPOSAL", usd("100.00"));
    }

    @Test
    void aDealEventAfterItsDealClosedChangesNoFigure() {
        given(recorded("d-1", "100.00"), approved("d-1"), lost("d-1", "No budget"));
        PartnerView closed = view;

        given(extended("d-1", 10), staged("d-1", null, DealStage.QUALIFIED));

        assertThat(view)
                .usingRecursiveComparison()
                .ignoringFields("dealVersions")
                .isEqualTo(closed);
        assertThat(view.openDealsById()).isEmpty();
        assertThat(view.pipeline()).isEqualTo(usd("0.00"));
    }

    @Test
    void aRejectedRegistrationIsNoLongerOpen() {
        given(recorded("d-1", "100.00"), rejected("d-1", "Duplicate of an older registration"));

        assertThat(view.openDeals()).isZero();
        assertThat(view.openDealsById()).isEmpty();
        assertThat(view.pipeline()).isEqualTo(usd("0.00"));
    }

    @Test
    void aChannelConflictRegistrationEndsClosedAndCountsInNoFigure() {
        given(recorded("d-9", "700.00"), conflicting("d-9", "d-0", RECORDED_AT.minusSeconds(3600)));

        assertThat(view.openDeals()).isZero();
        assertThat(view.pipeline()).isEqualTo(usd("0.00"));
        assertThat(view.winRate()).isNull();
        assertThat(view.dealsLost()).isZero();
        assertThat(view.appliedVersion("d-9"))
                .as("both events of the deal's stream folded")
                .isEqualTo(2);
        assertThat(view.version()).as("the partner's own stream").isEqualTo(1);
    }

    @Test
    void theWinRateIsNaUntilADealIsWonOrLostThenWonOverWonPlusLost() {
        for (int i = 1; i <= 5; i++) {
            given(recorded("d-" + i, "10.00"), approved("d-" + i));
        }
        given(expired("d-5"), withdrawn("d-4"));
        assertThat(view.winRate())
                .as("expired and withdrawn deals are neither won nor lost")
                .isNull();

        given(won("d-1", "10.00", IN_Q1));
        assertThat(view.winRate()).isEqualTo(new BigDecimal("1.0000"));

        given(lost("d-2", "Lost on price"));
        assertThat(view.winRate()).isEqualTo(new BigDecimal("0.5000"));

        given(lost("d-3", "No decision"));
        assertThat(view.winRate()).isEqualTo(new BigDecimal("0.3333"));
        assertThat(view.dealsWon()).isEqualTo(1);
        assertThat(view.dealsLost()).isEqualTo(2);
    }

    @Test
    void wonRevenueIsSummedPerCalendarQuarterOfTheClosingDay() {
        winOutright("d-1", "100.00", LocalDate.parse("2026-03-31"));
        winOutright("d-2", "200.00", IN_Q2);
        winOutright("d-3", "0.50", IN_Q1);
        winOutright("d-4", "40.00", LocalDate.parse("2025-12-31"));

        assertThat(view.wonRevenueByQuarter())
                .containsExactly(
                        entry("2025-Q4", new QuarterWon(usd("40.00"), 1)),
                        entry("2026-Q1", new QuarterWon(usd("100.50"), 2)),
                        entry("2026-Q2", new QuarterWon(usd("200.00"), 1)));
        assertThat(view.wonRevenue()).isEqualTo(usd("340.50"));
        assertThat(view.dealsWon()).isEqualTo(4);
    }

    @Test
    void aGoalSetBeforeTheWinsFollowsThoseOfItsQuarterOnly() {
        given(goal("2026-Q1", "1000.00"));

        winOutright("d-1", "250.00", IN_Q1);
        winOutright("d-2", "900.00", IN_Q2);

        PartnerView.Goal q1 = view.goals().get(0);
        assertThat(q1.wonRevenue()).isEqualTo(usd("250.00"));
        assertThat(q1.dealsWon()).isEqualTo(1);
        assertThat(q1.attainment()).isEqualTo(new BigDecimal("0.2500"));
    }

    @Test
    void aGoalSetAfterTheWinsStartsWithThemAndARaisedTargetLowersTheAttainment() {
        winOutright("d-1", "250.00", IN_Q1);
        winOutright("d-2", "500.00", IN_Q1);

        given(goal("2026-Q1", "500.00"));
        assertThat(view.goals().get(0).attainment()).isEqualTo(new BigDecimal("1.5000"));
        assertThat(view.goals().get(0).dealsWon()).isEqualTo(2);

        given(goal("2026-Q1", "3000.00"));
        assertThat(view.goals()).hasSize(1);
        assertThat(view.goals().get(0).wonRevenue()).isEqualTo(usd("750.00"));
        assertThat(view.goals().get(0).attainment()).isEqualTo(new BigDecimal("0.2500"));
    }

    @Test
    void tenThousandWinsOfTenCentsAddUpToExactlyOneThousand() {
        for (int i = 0; i < 10_000; i++) {
            winOutright("d-" + i, "0.10", IN_Q1);
        }

        assertThat(view.wonRevenue().amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(view.wonRevenue().amount().toPlainString()).isEqualTo("1000.00");
        assertThat(view.wonRevenueByQuarter().get("2026-Q1").wonRevenue().amount())
                .isEqualTo(new BigDecimal("1000.00"));
        assertThat(view.dealsWon()).isEqualTo(10_000);
        assertThat(view.winRate()).isEqualTo(new BigDecimal("1.0000"));
        assertThat(view.pipeline()).isEqualTo(usd("0.00"));
        assertThat(view.openDeals()).isZero();
    }

    private void winOutright(String dealId, String amount, LocalDate closedOn) {
        given(recorded(dealId, amount), approved(dealId), won(dealId, amount, closedOn));
    }

    /** Folds each event with the next sequence number of its own stream, as the projection sees them. */
    private void given(Object... events) {
        for (Object event : events) {
            String dealId = event instanceof DealEvent deal ? deal.dealId() : null;
            long sequence = sequences.merge(dealId == null ? PARTNER : dealId, 1L, Long::sum) - 1;
            view = fold.apply(view, event, sequence);
        }
    }

    private static PartnerGoalSet goal(String period, String target) {
        return new PartnerGoalSet(PARTNER, period, usd(target), null, ONBOARDED_AT);
    }

    private static OpenDeal open(String amount, DealStatus status, DealStage stage) {
        return new OpenDeal(usd(amount), status, stage);
    }
}
