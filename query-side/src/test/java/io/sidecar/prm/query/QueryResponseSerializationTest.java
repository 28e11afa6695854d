package io.sidecar.prm.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.deal.RejectionKind;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.query.dashboard.Dashboard;
import io.sidecar.prm.query.dashboard.DashboardFigures;
import io.sidecar.prm.query.dashboard.Leaderboard;
import io.sidecar.prm.query.deal.DealPage;
import io.sidecar.prm.query.deal.DealView;
import io.sidecar.prm.query.partner.OpenDeal;
import io.sidecar.prm.query.partner.PartnerPage;
import io.sidecar.prm.query.partner.PartnerSummary;
import io.sidecar.prm.query.partner.PartnerView;
import io.sidecar.prm.query.partner.PartnerViewFold;
import io.sidecar.prm.query.partner.QuarterWon;
import io.sidecar.prm.query.readmodel.StreamVersions;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * Query responses cross Axon Server in the distributed mode: they must survive Axon's Jackson serializer with the
 * application's Jackson settings.
 */
class QueryResponseSerializationTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(mapper).build();

    private static final PartnerView PARTNER = new PartnerView(
            "p-1",
            "Acme",
            PartnerType.RESELLER,
            "DE",
            new Contact("Ada", "ada@acme.example", null),
            null,
            "de",
            PartnerStatus.ONBOARDING,
            null,
            PartnerTier.REGISTERED,
            new PartnerView.Onboarding(List.of(), List.of(OnboardingStep.values())),
            List.of(),
            List.of(),
            0,
            null,
            new Money(new BigDecimal("10.00"), "USD"),
            Map.of("UNSTAGED", new Money(new BigDecimal("10.00"), "USD")),
            new Money(new BigDecimal("5.50"), "USD"),
            Map.of("2026-Q1", new QuarterWon(new Money(new BigDecimal("5.50"), "USD"), 1)),
            new BigDecimal("0.5000"),
            1,
            1,
            1,
            Instant.parse("2026-01-01T00:00:00Z"),
            null,
            1,
            Map.of("d-1", new OpenDeal(new Money(new BigDecimal("10.00"), "USD"), DealStatus.APPROVED, null)),
            StreamVersions.NONE.with("d-1", 2).with("d-2", 3));

    @Test
    void aPartnerPageOfSummariesSurvivesTheTrip() {
        PartnerSummary summary = PartnerSummary.of(PARTNER, LocalDate.parse("2026-02-01"));
        PartnerPage page = roundTrip(new PartnerPage(List.of(summary), 1), PartnerPage.class);

        PartnerSummary item = page.items().get(0);
        assertThat(item).isEqualTo(summary);
        assertThat(item.name()).isEqualTo("Acme");
        assertThat(item.winRate()).isEqualTo(new BigDecimal("0.5000"));
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void theDashboardAndTheLeaderboardSurviveTheTrip() {
        Dashboard dashboard = DashboardFigures.of(List.of(PARTNER), Instant.parse("2026-02-01T10:00:00Z"), "USD");
        Leaderboard leaderboard = Leaderboard.of(List.of(PARTNER), Quarter.parse("2026-Q1"), 10);

        assertThat(roundTrip(dashboard, Dashboard.class)).isEqualTo(dashboard);
        assertThat(roundTrip(leaderboard, Leaderboard.class)).isEqualTo(leaderboard);
        assertThat(leaderboard.items()).hasSize(1);
    }

    @Test
    void aPartnerWithoutClosedDealsShowsItsWinRateAsNull() throws Exception {
        PartnerView fresh = new PartnerViewFold("USD")
                .apply(
                        null,
                        new PartnerOnboarded(
                                "p-2",
                                "Initech",
                                PartnerType.SERVICES,
                                "FR",
                                PARTNER.contact(),
                                null,
                                "fr",
                                Instant.EPOCH),
                        0);

        String json = mapper.writeValueAsString(fresh);

        assertThat(json)
                .contains("\"winRate\":null")
                .doesNotContain("openDealsById")
                .doesNotContain("dealVersions");
        assertThat(roundTrip(fresh, PartnerView.class)).isEqualTo(fresh);
    }

    @Test
    void aDealSurvivesTheTrip() {
        DealView deal = new DealView(
                "d-1",
                "p-1",
                new Customer("Globex", "globex.example"),
                "Sidecar",
                new Money(new BigDecimal("10.00"), "USD"),
                LocalDate.parse("2026-06-30"),
                null,
                DealStatus.REJECTED,
                null,
                null,
                null,
                null,
                "channel conflict",
                new DealView.Rejection(
                        RejectionKind.CHANNEL_CONFLICT,
                        "channel conflict",
                        "d-0",
                        Instant.parse("2026-01-01T00:00:00Z")),
                List.of(
                        new DealView.TrailEntry(
                                "DealRecorded",
                                DealStatus.PENDING_APPROVAL,
                                null,
                                Instant.parse("2026-01-02T00:00:00Z"),
                                "10.00 USD of Sidecar for Globex"),
                        new DealView.TrailEntry(
                                "DealRejected",
                                DealStatus.REJECTED,
                                null,
                                Instant.parse("2026-01-02T00:00:00Z"),
                                "channel conflict (deal d-0)")),
                Instant.parse("2026-01-02T00:00:00Z"),
                2);

        assertThat(roundTrip(deal, DealView.class)).isEqualTo(deal);
    }

    @Test
    void aWonDealSurvivesTheTripInAPage() {
        DealView deal = new DealView(
                "d-1",
                "p-1",
                new Customer("Globex", "globex.example"),
                "Sidecar",
                new Money(new BigDecimal("10.00"), "USD"),
                LocalDate.parse("2026-06-30"),
                "f-1",
                DealStatus.WON,
                DealStage.NEGOTIATION,
                Instant.parse("2026-04-02T00:00:00Z"),
                new Money(new BigDecimal("12.10"), "USD"),
                LocalDate.parse("2026-03-31"),
                null,
                null,
                List.of(),
                Instant.parse("2026-01-02T00:00:00Z"),
                3);

        DealPage page = roundTrip(new DealPage(List.of(deal), 7), DealPage.class);

        assertThat(page.items()).containsExactly(deal);
        assertThat(page.total()).isEqualTo(7);
    }

    private <T> T roundTrip(T value, Class<T> type) {
        SerializedObject<byte[]> serialized = serializer.serialize(value, byte[].class);
        return serializer.deserialize(serialized);
    }
}
