package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.PartnerLifecycleIT.fieldOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sidecar.prm.command.lookup.Claim;
import io.sidecar.prm.command.lookup.Claims;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deal policies in the running product (DOMAIN.md): offboarding withdraws a partner's open deals and names the
 * offboarding as their cause; won revenue promotes a partner automatically, explaining why; an approved deal
 * neither won nor lost expires when its protection ends, and an extension moves that end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DealPoliciesIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String PRODUCT = "Sidecar Enterprise";
    private static final String RULE_SET = "test-1";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    /** Lower case: it goes into customer domains. */
    private final String run = "r" + UUID.randomUUID().toString().substring(0, 8);

    private final AtomicInteger partners = new AtomicInteger();
    private RunningStandalone app;
    private PrmClient client;

    /** Small tier thresholds, so that a few wins cross them; the default 90-day protection. */
    @BeforeAll
    void start() {
        app = RunningStandalone.start(
                dataDir.resolve("policies"),
                "prm.tier-policy.silver=1000",
                "prm.tier-policy.gold=5000",
                "prm.tier-policy.version=" + RULE_SET);
        client = app.client();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void offboardingWithdrawsThePartnersOpenDealsAndNamesItselfAsTheirCause() {
        String partner = partner(client, "Leaving");
        String domain = run + "-pending.example";
        String pending = registered(client, partner, domain, "100.00");
        String approved = registered(client, partner, run + "-approved.example", "200.00");
        assertStep(client.post("/api/deals/" + approved + "/approve"), 2);
        String won = registered(client, partner, run + "-won.example", "300.00");
        assertStep(client.post("/api/deals/" + won + "/approve"), 2);
        assertStep(client.post("/api/deals/" + won + "/win", TestBodies.win("300.00", "USD", TODAY)), 3);

        String correlationId = "offboard-" + run;
        PrmClient.Response offboarded = client.post(
                "/api/partners/" + partner + "/offboard",
                TestBodies.reason("Partnership ended"),
                Map.of("Content-Type", "application/json", "X-Correlation-Id", correlationId));
        assertStep(offboarded, PrmClient.ACTIVATED_VERSION + 1);

        for (String open : List.of(pending, approved)) {
            JsonNode withdrawn = awaitDeal(open, "WITHDRAWN");
            assertThat(withdrawn.get("statusReason").asText()).contains("Partnership ended");
            assertThat(fieldOf(withdrawn.get("trail"), "event")).last().isEqualTo("DealWithdrawn");
        }
        JsonNode stillWon = client.get("/api/deals/" + won).json();
        assertThat(stillWon.get("status").asText()).isEqualTo("WON");
        assertThat(stillWon.get("version").asLong()).isEqualTo(3);

        StoredEvents events = StoredEvents.of(app);
        StoredEvents.Row offboarding = events.single(partner, "PartnerOffboarded");
        for (String open : List.of(pending, approved)) {
            StoredEvents.Row withdrawal = events.single(open, "DealWithdrawn");
            assertThat(withdrawal.metaData().get("causationId").asText())
                    .as("the withdrawal names the offboarding as its cause")
                    .isEqualTo(offboarding.eventId());
            assertThat(withdrawal.metaData().get("correlationId").asText())
                    .as("and belongs to the offboarding's request")
                    .isEqualTo(correlationId);
            assertThat(withdrawal.payload().get("partnerId").asText()).isEqualTo(partner);
        }
        assertThat(events.of(won, "DealWithdrawn")).isEmpty();

        awaitPartner(client, partner, view -> {
            assertThat(view.get("status").asText()).isEqualTo("OFFBOARDED");
            assertThat(view.get("openDeals").asInt()).isZero();
            assertThat(view.at("/pipeline/amount").asText()).isEqualTo("0.00");
            assertThat(view.at("/wonRevenue/amount").asText()).isEqualTo("300.00");
        });
        // the withdrawn registrations hold their customers no more
        PrmClient.Response taken =
                client.post("/api/deals", TestBodies.dealFor(partner(client, "Successor"), domain, PRODUCT, "100.00"));
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(taken.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void wonRevenueCrossingAThresholdPromotesTheActivePartnerOnceAndSaysWhy() {
        String partner = partner(client, "Climber");
        StoredEvents events = StoredEvents.of(app);

        win(partner, "600.00");
        awaitPoliciesCaughtUp();
        assertThat(events.of(partner, "PartnerTierChanged"))
                .as("600 is below SILVER")
                .isEmpty();

        String crossing = win(partner, "400.00");
        awaitPartner(
                client, partner, view -> assertThat(view.get("tier").asText()).isEqualTo("SILVER"));
        StoredEvents.Row silver = events.single(partner, "PartnerTierChanged");
        assertPromotion(silver.payload(), "REGISTERED", "SILVER", "1000.00", "1000.00", crossing);
        assertThat(silver.metaData().get("causationId").asText())
                .as("the promotion names the deal's win as its cause")
                .isEqualTo(events.single(crossing, "DealWon").eventId());

        win(partner, "100.00");
        awaitPoliciesCaughtUp();
        assertThat(events.of(partner, "PartnerTierChanged"))
                .as("1100 is still SILVER: no second SILVER promotion")
                .hasSize(1);

        String golden = win(partner, "4000.00");
        awaitPartner(
                client, partner, view -> assertThat(view.get("tier").asText()).isEqualTo("GOLD"));
        awaitPoliciesCaughtUp();
        List<StoredEvents.Row> promotions = events.of(partner, "PartnerTierChanged");
        assertThat(promotions).hasSize(2);
        assertPromotion(promotions.get(1).payload(), "SILVER", "GOLD", "5000.00", "5100.00", golden);
    }

    @Test
    void aPartnerThatIsNotActiveIsNotPromoted() {
        String partner = partner(client, "Suspended");
        String dealId = registered(client, partner, run + "-suspended.example", "2000.00");
        assertStep(client.post("/api/deals/" + dealId + "/approve"), 2);
        assertStep(
                client.post("/api/partners/" + partner + "/suspend", TestBodies.reason("Review")),
                PrmClient.ACTIVATED_VERSION + 1);

        assertStep(client.post("/api/deals/" + dealId + "/win", TestBodies.win("2000.00", "USD", TODAY)), 3);
        awaitPartner(
                client,
                partner,
                view -> assertThat(view.at("/wonRevenue/amount").asText()).isEqualTo("2000.00"));
        awaitPoliciesCaughtUp();

        assertThat(StoredEvents.of(app).of(partner, "PartnerTierChanged")).isEmpty();
        assertThat(client.get("/api/partners/" + partner).json().get("tier").asText())
                .isEqualTo("REGISTERED");
    }

    @Test
    void anApprovedDealExpiresWhenItsProtectionEndsUnlessItWasExtended() {
        try (RunningStandalone expiring = RunningStandalone.start(
                dataDir.resolve("expiry"),
                "prm.deals.protection-period=PT2S",
                "prm.deals.expiry-sweep-interval=PT0.2S")) {
            PrmClient fast = expiring.client();
            String partner = partner(fast, "Slow Closer");
            // extended within moments of its approval, long before its two seconds are over
            String extended = registered(fast, partner, run + "-extended.example", "100.00");
            assertStep(fast.post("/api/deals/" + extended + "/approve"), 2);
            assertStep(fast.post("/api/deals/" + extended + "/extend-protection", TestBodies.extension(1)), 3);
            String expiring2s = registered(fast, partner, run + "-expiring.example", "200.00");
            assertStep(fast.post("/api/deals/" + expiring2s + "/approve"), 2);

            JsonNode expired = awaitDeal(fast, expiring2s, "EXPIRED");
            assertThat(expired.get("version").asLong()).isEqualTo(3);
            assertThat(fieldOf(expired.get("trail"), "event")).last().isEqualTo("DealRegistrationExpired");
            Instant protectedUntil = Instant.parse(expired.get("protectedUntil").asText());
            Instant expiredAt = Instant.parse(expired.at("/trail/2/at").asText());
            assertThat(expiredAt).as("not before its protection ended").isAfterOrEqualTo(protectedUntil);

            JsonNode stillProtected = fast.get("/api/deals/" + extended).json();
            assertThat(stillProtected.get("status").asText()).isEqualTo("APPROVED");
            assertThat(stillProtected.get("version").asLong()).isEqualTo(3);
            assertThat(Instant.parse(stillProtected.get("protectedUntil").asText()))
                    .isAfter(Instant.now().plus(Duration.ofHours(23)));

            StoredEvents events = StoredEvents.of(expiring);
            StoredEvents.Row expiry = events.single(expiring2s, "DealRegistrationExpired");
            assertThat(expiry.metaData().get("actor").asText()).isEqualTo("system:deal-expiry");
            assertThat(events.of(extended, "DealRegistrationExpired")).isEmpty();
            awaitPartner(fast, partner, view -> {
                assertThat(view.get("openDeals").asInt()).isEqualTo(1);
                assertThat(view.at("/pipeline/amount").asText()).isEqualTo("100.00");
            });

            // more sweeps have run since (a deal approved later expired too): the first expired once, for good
            String later = registered(fast, partner, run + "-later.example", "300.00");
            assertStep(fast.post("/api/deals/" + later + "/approve"), 2);
            awaitDeal(fast, later, "EXPIRED");
            assertThat(events.of(expiring2s, "DealRegistrationExpired")).hasSize(1);
            assertThat(events.of(later, "DealRegistrationExpired")).hasSize(1);
            assertThat(fast.get("/api/deals/" + extended).json().get("status").asText())
                    .isEqualTo("APPROVED");
        }
    }

    /**
     * A process died between a registration's claim and its events (ADR 004): the deal's place in its partner's
     * open registrations is claimed, the deal itself was never stored.
     */
    @Nested
    class AfterACrashBetweenClaimAndAppend {

        private static final Duration GRACE = Duration.ofSeconds(1);

        @TempDir
        Path crashDataDir;

        @Test
        void aRegistrationThatWasNeverStoredDoesNotCountTowardsTheLimitOnceItsGraceIsOver() {
            try (RunningStandalone crashed = startCrashed()) {
                PrmClient on = crashed.client();
                String partner = partner(on, "Ghostly");
                Claim ghost = ghostRegistration(crashed, partner);
                await().atMost(PATIENCE)
                        .until(() -> Instant.now().isAfter(ghost.claimedAt().plus(GRACE)));

                registered(on, partner, run + "-ghostly1.example", "1.00");
                PrmClient.Response second =
                        on.post("/api/deals", TestBodies.dealFor(partner, run + "-ghostly2.example", PRODUCT, "1.00"));
                assertThat(second.status())
                        .as("one stored open registration of two allowed: " + second.body())
                        .isEqualTo(201);
            }
        }

        @Test
        void offboardingAPartnerWithARegistrationThatWasNeverStoredWithdrawsItsStoredOnes() {
            try (RunningStandalone crashed = startCrashed()) {
                PrmClient on = crashed.client();
                String partner = partner(on, "Haunted");
                String stored = registered(on, partner, run + "-haunted.example", "1.00");
                ghostRegistration(crashed, partner);

                assertStep(
                        on.post("/api/partners/" + partner + "/offboard", TestBodies.reason("Closed")),
                        PrmClient.ACTIVATED_VERSION + 1);

                awaitDeal(on, stored, "WITHDRAWN");
                on.awaitCaughtUp(PATIENCE);
            }
        }

        private RunningStandalone startCrashed() {
            return RunningStandalone.start(
                    crashDataDir, "prm.deals.open-limit=2", "prm.lookups.in-flight-grace=PT" + GRACE.toSeconds() + "S");
        }

        /** What the crashed registration left behind: its claim on a place in the partner's open registrations. */
        private Claim ghostRegistration(RunningStandalone crashed, String partner) {
            Claims claims = crashed.bean(Claims.class);
            String ghost = "ghost-" + UUID.randomUUID();
            assertThat(claims.claim("open-deal", partner + "/" + ghost, ghost, holder -> false))
                    .isEmpty();
            return claims.find("open-deal", partner + "/" + ghost).orElseThrow();
        }
    }

    private String win(String partner, String amount) {
        String dealId = registered(client, partner, run + "-win" + UUID.randomUUID() + ".example", amount);
        assertStep(client.post("/api/deals/" + dealId + "/approve"), 2);
        assertStep(client.post("/api/deals/" + dealId + "/win", TestBodies.win(amount, "USD", TODAY)), 3);
        return dealId;
    }

    private static void assertPromotion(
            JsonNode payload, String from, String to, String threshold, String trailing, String dealId) {
        assertThat(payload.get("automatic").asBoolean()).isTrue();
        assertThat(payload.get("from").asText()).isEqualTo(from);
        assertThat(payload.get("to").asText()).isEqualTo(to);
        assertThat(payload.at("/promotion/ruleSetVersion").asText()).isEqualTo(RULE_SET);
        assertThat(payload.at("/promotion/threshold/amount").asText()).isEqualTo(threshold);
        assertThat(payload.at("/promotion/threshold/currency").asText()).isEqualTo("USD");
        assertThat(payload.at("/promotion/trailingRevenue/amount").asText()).isEqualTo(trailing);
        assertThat(payload.at("/promotion/dealId").asText()).isEqualTo(dealId);
        assertThat(payload.get("reason").asText()).contains(RULE_SET, threshold, trailing);
    }

    /** Every event processor, the policies included, has handled every stored event. */
    private void awaitPoliciesCaughtUp() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode processors = client.get("/api/admin/processors").json();
            assertThat(fieldOf(processors, "name")).contains("deal-withdrawal", "tier-promotion");
            for (JsonNode processor : processors) {
                assertThat(processor.get("lag").asLong())
                        .as(processor.get("name").asText())
                        .isZero();
            }
        });
    }

    private String partner(PrmClient on, String name) {
        return on.activePartner(run + " " + name + " " + partners.incrementAndGet());
    }

    private static String registered(PrmClient on, String partnerId, String domain, String amount) {
        PrmClient.Response recorded = on.post("/api/deals", TestBodies.dealFor(partnerId, domain, PRODUCT, amount));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
        return recorded.json().get("id").asText();
    }

    private static void assertStep(PrmClient.Response answer, long version) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("version").asLong()).as(answer.body()).isEqualTo(version);
    }

    private JsonNode awaitDeal(String id, String status) {
        return awaitDeal(client, id, status);
    }

    private static JsonNode awaitDeal(PrmClient on, String id, String status) {
        return await().atMost(PATIENCE)
                .until(
                        () -> on.get("/api/deals/" + id).json(),
                        deal -> status.equals(deal.path("status").asText()));
    }

    private static void awaitPartner(PrmClient on, String id, Consumer<JsonNode> expectation) {
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> expectation.accept(on.get("/api/partners/" + id).json()));
    }
}
