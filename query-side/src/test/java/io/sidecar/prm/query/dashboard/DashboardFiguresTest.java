package io.sidecar.prm.query.dashboard;

import static io.sidecar.prm.query.DealTestData.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStageAdvanced;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerGoalSet;
import io.sidecar.prm.events.partner.PartnerOffboarded;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.events.partner.Sentiment;
import io.sidecar.prm.query.partner.PartnerSummary;
import io.sidecar.prm.query.partner.PartnerView;
import io.sidecar.prm.query.partner.PartnerViewFold;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portfolio figures summed up from partners' documents, and the quarter's leaderboard. */
class DashboardFiguresTest {

    private static final Instant NOW = Instant.parse("2026-02-15T12:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-01-05T10:00:00Z");

    private final PartnerViewFold fold = new PartnerViewFold("USD");

    /** Alpha: active, checked in, a Q1 goal of 100k; won 60k in Q1 and 10k in 2025-Q4, lost one, 5k in PROPOSAL. */
    private final PartnerView alpha = partner(
            "p-a",
            "Alpha",
            "DE",
            new PartnerActivated("p-a", EARLIER),
            new CheckInRecorded(
                    "p-a",
                    "c-1",
                    LocalDate.parse("2026-02-10"),
                    List.of("Ada"),
                    "ok",
                    Sentiment.POSITIVE,
                    List.of(),
                    EARLIER),
            new PartnerGoalSet("p-a", "2026-Q1", usd("100000.00"), null, EARLIER),
            new PartnerGoalSet("p-a", "2025-Q4", usd("5000.00"), null, EARLIER));

    /** Beta: active, never checked in (at risk), a Q1 goal of 50k; 2k approved, unstaged. */
    private final PartnerView beta = partner("p-b", "Beta", "FR", new PartnerActivated("p-b", EARLIER));

    /** Gamma: offboarded after winning 1M in 2025-Q4. */
    private final PartnerView gamma = partner("p-g", "Gamma", "DE", new PartnerActivated("p-g", EARLIER));

    /** Delta: still onboarding. */
    private final PartnerView delta = partner("p-d", "Delta", "US");

    private List<PartnerView> portfolio() {
        PartnerView a =
                deal(alpha, "d-1", "60000.00", new DealWon("d-1", "p-a", usd("60000.00"), date("2026-02-01"), NOW));
        a = deal(a, "d-2", "10000.00", new DealWon("d-2", "p-a", usd("10000.00"), date("2025-12-01"), NOW));
        a = deal(a, "d-3", "7000.00", new DealLost("d-3", "p-a", "price", NOW));
        a = deal(a, "d-4", "5000.00", new DealStageAdvanced("d-4", "p-a", null, DealStage.PROPOSAL, NOW));
        PartnerView b = fold.apply(beta, new PartnerGoalSet("p-b", "2026-Q1", usd("50000.00"), null, EARLIER), 2);
        b = deal(b, "d-5", "2000.00", null);
        PartnerView g =
                deal(gamma, "d-6", "1000000.00", new DealWon("d-6", "p-g", usd("1000000.00"), date("2025-11-01"), NOW));
        g = fold.apply(g, new PartnerGoalSet("p-g", "2026-Q1", usd("1.00"), null, EARLIER), 2);
        g = fold.apply(g, new PartnerOffboarded("p-g", "contract ended", NOW), 3);
        return List.of(a, b, g, delta);
    }

    @Test
    void countsThePartnersByStatusTierTypeAndRegion() {
        Dashboard dashboard = DashboardFigures.of(portfolio(), NOW, "USD");

        assertThat(dashboard.partners().total()).isEqualTo(4);
        assertThat(dashboard.partners().byStatus())
                .containsEntry(PartnerStatus.ACTIVE, 2)
                .containsEntry(PartnerStatus.OFFBOARDED, 1)
                .containsEntry(PartnerStatus.ONBOARDING, 1)
                .containsEntry(PartnerStatus.SUSPENDED, 0);
        assertThat(dashboard.partners().byTier())
                .containsEntry(PartnerTier.REGISTERED, 4)
                .hasSize(4);
        assertThat(dashboard.partners().byType())
                .containsEntry(PartnerType.RESELLER, 4)
                .hasSize(5);
        assertThat(dashboard.partners().byRegion())
                .containsExactly(Map.entry("DE", 2), Map.entry("FR", 1), Map.entry("US", 1));
    }

    @Test
    void sumsThePipelineByStageAndTheWonRevenueByQuarter() {
        Dashboard dashboard = DashboardFigures.of(portfolio(), NOW, "USD");

        assertThat(dashboard.period()).isEqualTo("2026-Q1");
        assertThat(dashboard.pipeline().total()).isEqualTo(usd("7000.00"));
        assertThat(dashboard.pipeline().byStage())
                .containsExactly(
                        Map.entry("UNSTAGED", usd("2000.00")),
                        Map.entry("QUALIFIED", usd("0.00")),
                        Map.entry("PROPOSAL", usd("5000.00")),
                        Map.entry("NEGOTIATION", usd("0.00")));
        assertThat(dashboard.wonRevenue().total()).isEqualTo(usd("1070000.00"));
        assertThat(dashboard.wonRevenue().byQuarter().keySet()).containsExactly("2025-Q4", "2026-Q1");
        assertThat(dashboard.wonRevenue().byQuarter().get("2025-Q4").wonRevenue())
                .isEqualTo(usd("1010000.00"));
        assertThat(dashboard.wonRevenue().byQuarter().get("2025-Q4").dealsWon()).isEqualTo(2);
        // three won, one lost
        assertThat(dashboard.winRate()).isEqualByComparingTo("0.75");
    }

    @Test
    void goalAttainmentSumsTheCurrentQuartersGoalsOfPartnersNotOffboarded() {
        Dashboard dashboard = DashboardFigures.of(portfolio(), NOW, "USD");

        assertThat(dashboard.goals()).isEqualTo(new Dashboard.Goals("2026-Q1", usd("150000.00"), usd("60000.00"), 2));
        assertThat(dashboard.goalAttainment()).isEqualByComparingTo("0.4");
    }

    @Test
    void topPartnersAreRankedByWonRevenueLeavingOutOffboardedOnesAndThoseThatWonNothing() {
        Dashboard dashboard = DashboardFigures.of(portfolio(), NOW, "USD");

        assertThat(dashboard.topPartners()).extracting(PartnerSummary::name).containsExactly("Alpha");
    }

    @Test
    void atRiskPartnersAreTheActiveOnesAtRiskTodayLowestHealthFirst() {
        Dashboard today = DashboardFigures.of(portfolio(), NOW, "USD");
        Dashboard later = DashboardFigures.of(portfolio(), NOW.plus(Duration.ofDays(61)), "USD");

        assertThat(today.atRiskPartners()).extracting(PartnerSummary::name).containsExactly("Beta");
        assertThat(later.atRiskPartners()).extracting(PartnerSummary::name).containsExactly("Beta", "Alpha");
        assertThat(later.atRiskCount()).isEqualTo(2);
    }

    @Test
    void withNothingClosedAndNoGoalWinRateAndAttainmentAreNotApplicable() {
        Dashboard dashboard = DashboardFigures.of(List.of(delta), NOW, "USD");

        assertThat(dashboard.winRate()).isNull();
        assertThat(dashboard.goalAttainment()).isNull();
        assertThat(dashboard.pipeline().total()).isEqualTo(usd("0.00"));
        assertThat(dashboard.topPartners()).isEmpty();
    }

    @Test
    void theSameFiguresComputedLaterAreTheSameFigures() {
        Dashboard one = DashboardFigures.of(portfolio(), NOW, "USD");
        Dashboard other = DashboardFigures.of(portfolio(), NOW.plusSeconds(5), "USD");

        assertThat(one.sameFiguresAs(other)).isTrue();
        assertThat(one.sameFiguresAs(DashboardFigures.of(List.of(delta), NOW, "USD")))
                .isFalse();
    }

    @Test
    void theLeaderboardRanksAQuartersWinnersAndShowsTheirGoal() {
        Leaderboard q4 = Leaderboard.of(portfolio(), Quarter.parse("2025-Q4"), 10);
        Leaderboard q1 = Leaderboard.of(portfolio(), Quarter.parse("2026-Q1"), 10);

        assertThat(q4.items()).extracting(Leaderboard.Entry::name).containsExactly("Gamma", "Alpha");
        assertThat(q4.items().get(1).rank()).isEqualTo(2);
        assertThat(q4.items().get(1).revenueTarget()).isEqualTo(usd("5000.00"));
        assertThat(q4.items().get(1).attainment()).isEqualByComparingTo("2");
        assertThat(q1.items()).singleElement().satisfies(entry -> {
            assertThat(entry.partnerId()).isEqualTo("p-a");
            assertThat(entry.wonRevenue()).isEqualTo(usd("60000.00"));
            assertThat(entry.dealsWon()).isEqualTo(1);
        });
        assertThat(Leaderboard.of(portfolio(), Quarter.parse("2025-Q4"), 1).items())
                .hasSize(1);
    }

    private PartnerView partner(String id, String name, String region, Object... events) {
        PartnerView view = fold.apply(
                null,
                new PartnerOnboarded(
                        id,
                        name,
                        PartnerType.RESELLER,
                        region,
                        new Contact("Ada", "ada@example.com", null),
                        null,
                        "en",
                        EARLIER),
                0);
        long sequence = 1;
        for (Object event : events) {
            view = fold.apply(view, event, sequence++);
        }
        return view;
    }

    /** The partner with a deal recorded and approved, then the given closing or staging event, if any. */
    private PartnerView deal(PartnerView partner, String dealId, String amount, Object then) {
        List<Object> events = new ArrayList<>(List.of(
                new DealRecorded(
                        dealId,
                        partner.id(),
                        new Customer("Globex", "globex.example"),
                        "Sidecar",
                        usd(amount),
                        date("2026-06-30"),
                        null,
                        EARLIER),
                new DealApproved(dealId, partner.id(), NOW.plusSeconds(90 * 86_400L), EARLIER)));
        if (then != null) {
            events.add(then);
        }
        PartnerView view = partner;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            view = fold.apply(view, events.get(sequence), sequence);
        }
        return view;
    }

    private static LocalDate date(String day) {
        return LocalDate.parse(day);
    }
}
