package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.events.Quarter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a partner user sees: its own partner, deals and history, and of another partner nothing, not even that it
 * exists (the 404 of an unknown id, through every endpoint it can reach); it records deals for itself only, under its
 * name and partner in history; its dashboard and leaderboard are computed from its own partner alone. And what a
 * viewer sees: everything it may read, without contact data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerScopingIT {

    private static final String PASSWORD = "scoping-password-1";
    private static final String CONTACT_EMAIL = "ada@acme.example";
    private static final String CONTACT_PHONE = "+49 30 1234567";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String QUARTER = Quarter.of(TODAY).toString();

    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient admin;
    private PrmClient partnerUser;
    private PrmClient viewer;
    private String partnerA;
    private String partnerB;
    private String dealA;
    private String dealB;
    private String partnerC;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir);
        admin = app.client();
        partnerA = admin.activePartner("Scoped A");
        partnerB = admin.activePartner("Scoped B");
        dealA = recordDeal(admin, partnerA, "a-customer.example");
        dealB = recordDeal(admin, partnerB, "b-customer.example");
        for (String partner : List.of(partnerA, partnerB)) {
            PrmClient.Response checkIn =
                    admin.post("/api/partners/" + partner + "/check-ins", """
                    {"occurredOn": "%s", "attendees": ["Channel team"], "summary": "review",
                     "sentiment": "POSITIVE", "nextSteps": []}""".formatted(LocalDate.now(ZoneOffset.UTC)));
            assertThat(checkIn.status()).as(checkIn.body()).isEqualTo(200);
        }
        // figures for the dashboards: A's own, and B's and C's far apart from them, so that a leak would show
        partnerC = admin.activePartner("Scoped C"); // never checked in: at risk
        approved(partnerA, "a-open.example", "4000.00");
        won(approved(partnerA, "a-won.example", "1000.00"), "1500.00");
        goal(partnerA, "3000.00");
        approved(partnerB, "b-open.example", "70000.00");
        won(approved(partnerB, "b-won.example", "90000.00"), "90000.00");
        lost(approved(partnerB, "b-lost.example", "5000.00"));
        goal(partnerB, "100000.00");
        won(approved(partnerC, "c-won.example", "20000.00"), "20000.00");
        createUser("scope-a", "PARTNER", partnerA);
        createUser("scope-viewer", "VIEWER", null);
        partnerUser = admin.as("scope-a", PASSWORD);
        viewer = admin.as("scope-viewer", PASSWORD);
        admin.awaitCaughtUp(Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aPartnerUserReadsItsOwnPartnerDealsAndHistory() {
        PrmClient.Response partner = partnerUser.get("/api/partners/" + partnerA);
        assertThat(partner.status()).as(partner.body()).isEqualTo(200);
        assertThat(partner.json().at("/contact/email").asText()).isEqualTo(CONTACT_EMAIL);
        assertThat(partnerUser
                        .get("/api/partners/" + partnerA + "/check-ins")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(partnersOf(partnerUser.get("/api/partners/" + partnerA + "/deals")))
                .containsOnly(partnerA);
        assertThat(partnerUser.get("/api/deals/" + dealA).status()).isEqualTo(200);
        assertThat(partnerUser
                        .get("/api/partners/" + partnerA + "/history")
                        .json()
                        .get("total")
                        .asLong())
                .isGreaterThanOrEqualTo(6);
        assertThat(partnerUser
                        .get("/api/deals/" + dealA + "/history")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void anotherPartnersResourcesAnswerExactlyAsUnknownOnes() {
        String unknownPartner = "no-such-partner";
        String unknownDeal = "no-such-deal";
        Map<String, String> paths = Map.of(
                "/api/partners/" + partnerB, "/api/partners/" + unknownPartner,
                "/api/partners/" + partnerB + "/check-ins", "/api/partners/" + unknownPartner + "/check-ins",
                "/api/partners/" + partnerB + "/deals", "/api/partners/" + unknownPartner + "/deals",
                "/api/partners/" + partnerB + "/history", "/api/partners/" + unknownPartner + "/history",
                "/api/deals/" + dealB, "/api/deals/" + unknownDeal,
                "/api/deals/" + dealB + "/history", "/api/deals/" + unknownDeal + "/history");
        paths.forEach((other, unknown) -> {
            PrmClient.Response refused = partnerUser.get(other);
            PrmClient.Response none = partnerUser.get(unknown);
            assertThat(refused.status()).as(other + ": " + refused.body()).isEqualTo(404);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body().replace(partnerB, unknownPartner).replace(dealB, unknownDeal))
                    .as(other + " reads like " + unknown)
                    .isEqualTo(none.body());
            assertThat(admin.get(other).status()).as("it exists: " + other).isEqualTo(200);
        });
    }

    @Test
    void aPartnerUsersListsHoldItsOwnPartnerAndDealsOnly() {
        assertThat(ids(partnerUser.get("/api/partners"))).containsExactly(partnerA);
        assertThat(ids(admin.get("/api/partners"))).contains(partnerA, partnerB);
        assertThat(ids(partnerUser.get("/api/deals"))).contains(dealA).doesNotContain(dealB);
        assertThat(partnersOf(partnerUser.get("/api/deals"))).containsOnly(partnerA);
        assertThat(partnersOf(partnerUser.get("/api/deals?partnerId=" + partnerA)))
                .containsOnly(partnerA);
        PrmClient.Response other = partnerUser.get("/api/deals?partnerId=" + partnerB);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().get("total").asLong()).isZero();
        assertThat(ids(partnerUser.get("/api/partners?q=Scoped"))).containsExactly(partnerA);
    }

    @Test
    void aDealForAnotherPartnerIsRefusedAsForAnUnknownPartnerAndStoresNothing() {
        long before = app.storedEvents();

        PrmClient.Response refused = partnerUser.post("/api/deals", TestBodies.deal(partnerB, "x.example", "10.00"));
        PrmClient.Response unknown =
                partnerUser.post("/api/deals", TestBodies.deal("no-such-partner", "x.example", "10.00"));
        PrmClient.Response invalid = partnerUser.post("/api/deals", TestBodies.deal(partnerB, "nodomain", "10.00"));
        PrmClient.Response invalidUnknown =
                partnerUser.post("/api/deals", TestBodies.deal("no-such-partner", "nodomain", "10.00"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().replace(partnerB, "no-such-partner")).isEqualTo(unknown.body());
        assertThat(invalid.status())
                .as("bad fields first, whatever partner: " + invalid.body())
                .isEqualTo(400);
        assertThat(invalid.body()).isEqualTo(invalidUnknown.body());
        assertThat(app.storedEvents()).isEqualTo(before);
    }

    @Test
    void aDealAPartnerUserRecordsShowsItAndItsPartnerInHistory() {
        String deal = recordDeal(partnerUser, partnerA, "own-customer.example");

        JsonNode entry = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> partnerUser.get("/api/deals/" + deal + "/history"),
                        history -> history.status() == 200
                                && history.json().get("total").asLong() == 1)
                .json()
                .get("items")
                .get(0);
        assertThat(entry.get("type").asText()).isEqualTo("DealRecorded");
        assertThat(entry.get("actor").asText()).isEqualTo("scope-a");
        assertThat(entry.get("actorPartnerId").asText()).isEqualTo(partnerA);
        JsonNode byAdmin = admin.get("/api/deals/" + dealA + "/history")
                .json()
                .get("items")
                .get(0);
        assertThat(byAdmin.get("actor").asText()).isEqualTo("admin");
        assertThat(byAdmin.get("actorPartnerId").isNull())
                .as("not a partner user")
                .isTrue();
    }

    @Test
    void everythingElseIsForbiddenToAPartnerUser() {
        String p = "/api/partners/" + partnerA;
        String d = "/api/deals/" + dealA;
        List<String> gets = List.of(
                p + "/state?asOf=" + Instant.now(),
                "/api/audit/export?partnerId=" + partnerA,
                "/api/audit/verify?partnerId=" + partnerA,
                "/api/events",
                "/api/events/types",
                "/api/webhooks",
                "/api/admin/processors",
                "/api/users");
        List<String> failures = new ArrayList<>();
        for (String path : gets) {
            expect403(failures, "GET " + path, partnerUser.get(path));
        }
        for (String stream : List.of("/api/events/stream", "/api/audit/verify")) {
            expect403(failures, "GET " + stream, partnerUser.get(stream, Map.of("Accept", "text/event-stream")));
        }
        Map<String, String> posts = Map.of(
                "/api/partners",
                TestBodies.partner("Partner's Own"),
                p + "/tier",
                TestBodies.tier("PLATINUM", "self-promotion"),
                p + "/check-ins",
                TestBodies.checkIn(LocalDate.now(ZoneOffset.UTC), "self"),
                p + "/suspend",
                TestBodies.reason("x"),
                p + "/offboard",
                TestBodies.reason("x"),
                d + "/reject",
                TestBodies.reason("x"),
                d + "/stage",
                TestBodies.stage("QUALIFIED"),
                d + "/win",
                TestBodies.win("1.00", "USD", LocalDate.now(ZoneOffset.UTC)),
                d + "/lose",
                TestBodies.reason("x"),
                d + "/extend-protection",
                TestBodies.extension(30));
        posts.forEach((path, body) -> expect403(failures, "POST " + path, partnerUser.post(path, body)));
        for (String path : List.of(
                p + "/onboarding-steps/TRAINING_COMPLETED",
                p + "/activate",
                p + "/reinstate",
                d + "/approve",
                "/api/admin/processors/deals/replay")) {
            expect403(failures, "POST " + path, partnerUser.post(path));
        }
        expect403(failures, "PATCH " + p, partnerUser.patch(p, TestBodies.rename("Renamed By Itself")));
        expect403(failures, "PUT goals", partnerUser.put(p + "/goals/2026-Q4", TestBodies.goal("1.00", 1)));
        expect403(failures, "POST /api/webhooks", partnerUser.post("/api/webhooks", """
                {"url": "http://127.0.0.1:9/x"}"""));
        expect403(failures, "POST /api/users", partnerUser.post("/api/users", """
                {"username": "escalated", "password": "%s", "roles": ["ADMIN"]}""".formatted(PASSWORD)));
        expect403(failures, "DELETE /api/users/admin", partnerUser.delete("/api/users/admin"));
        assertThat(failures).isEmpty();
    }

    @Test
    void aPartnerUsersDashboardIsBuiltFromItsOwnPartnerOnly() {
        PrmClient.Response answer = partnerUser.get("/api/dashboard");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode dashboard = answer.json();

        assertThat(dashboard.at("/partners/total").asInt()).isEqualTo(1);
        assertThat(dashboard.at("/partners/byStatus/ACTIVE").asInt()).isEqualTo(1);
        assertThat(sum(dashboard.at("/partners/byTier"))).isEqualTo(1);
        assertThat(sum(dashboard.at("/partners/byType"))).isEqualTo(1);
        assertThat(sum(dashboard.at("/partners/byRegion"))).isEqualTo(1);
        assertThat(amount(dashboard.at("/pipeline/total"))).isEqualByComparingTo("4000.00");
        assertThat(amount(dashboard.at("/pipeline/byStage/UNSTAGED"))).isEqualByComparingTo("4000.00");
        assertThat(amount(dashboard.at("/wonRevenue/total"))).isEqualByComparingTo("1500.00");
        List<String> quarters = new ArrayList<>();
        dashboard.at("/wonRevenue/byQuarter").fieldNames().forEachRemaining(quarters::add);
        assertThat(quarters).containsExactly(QUARTER);
        assertThat(dashboard
                        .at("/wonRevenue/byQuarter/" + QUARTER + "/dealsWon")
                        .asInt())
                .isEqualTo(1);
        assertThat(dashboard.get("winRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(dashboard.get("goalAttainment").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(amount(dashboard.at("/goals/revenueTarget"))).isEqualByComparingTo("3000.00");
        assertThat(dashboard.at("/goals/partners").asInt()).isEqualTo(1);
        assertThat(ids(dashboard.get("topPartners"))).containsExactly(partnerA);
        assertThat(dashboard.get("atRiskCount").asInt()).isZero();
        assertThat(dashboard.get("atRiskPartners")).isEmpty();
        // the same figures as its partner's own page
        JsonNode own = admin.get("/api/partners/" + partnerA).json();
        assertThat(amount(dashboard.at("/pipeline/total"))).isEqualByComparingTo(amount(own.get("pipeline")));
        assertThat(amount(dashboard.at("/wonRevenue/total"))).isEqualByComparingTo(amount(own.get("wonRevenue")));
        assertNothingOfOthers(answer.body());

        JsonNode portfolio = admin.get("/api/dashboard").json();
        assertThat(portfolio.at("/partners/total").asInt())
                .as("the whole portfolio")
                .isEqualTo(3);
        assertThat(ids(portfolio.get("topPartners"))).contains(partnerB, partnerC);
        assertThat(ids(portfolio.get("atRiskPartners"))).contains(partnerC);
    }

    @Test
    void aPartnerUsersLeaderboardHoldsItsOwnEntryAloneRankedInThatList() {
        PrmClient.Response answer = partnerUser.get("/api/dashboard/leaderboard?limit=200");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode items = answer.json().get("items");

        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("partnerId").asText()).isEqualTo(partnerA);
        assertThat(items.get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(amount(items.get(0).get("wonRevenue"))).isEqualByComparingTo("1500.00");
        assertNothingOfOthers(answer.body());
        JsonNode all = admin.get("/api/dashboard/leaderboard?limit=200").json().get("items");
        assertThat(all).hasSize(3);
        assertThat(all.get(2).get("partnerId").asText())
                .as("A is last of all: its own list does not tell it")
                .isEqualTo(partnerA);
        assertThat(partnerUser
                        .get("/api/dashboard/leaderboard?period=2000-Q1")
                        .json()
                        .get("items"))
                .as("a quarter it won nothing in")
                .isEmpty();
        assertThat(partnerUser.get("/api/dashboard/leaderboard?limit=0").status())
                .isEqualTo(400);
    }

    @Test
    void aPartnerUsersLiveDashboardIsItsOwnToo() throws Exception {
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/dashboard/stream"))
                                .header("Accept", "text/event-stream")
                                .header("Authorization", PrmClient.basic("scope-a", PASSWORD))
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        try {
            assertThat(response.statusCode()).isEqualTo(200);
            String[] event = {null};
            String data = CompletableFuture.supplyAsync(() -> response.body()
                            .filter(line -> {
                                if (line.startsWith("event:")) {
                                    event[0] = line.substring("event:".length());
                                }
                                return line.startsWith("data:") && "dashboard".equals(event[0]);
                            })
                            .findFirst()
                            .orElseThrow()
                            .substring("data:".length()))
                    .get(30, TimeUnit.SECONDS);
            JsonNode dashboard = new ObjectMapper().readTree(data);
            assertThat(dashboard.at("/partners/total").asInt()).isEqualTo(1);
            assertThat(amount(dashboard.at("/wonRevenue/total"))).isEqualByComparingTo("1500.00");
            assertNothingOfOthers(data);
        } finally {
            response.body().close();
        }
    }

    @Test
    void aViewerSeesNoContactDataAnywhereItReads() {
        PrmClient.Response partner = viewer.get("/api/partners/" + partnerA);
        assertThat(partner.status()).isEqualTo(200);
        assertThat(partner.json().get("name").asText()).isEqualTo("Scoped A");
        assertThat(partner.json().has("contact"))
                .as("the field is there, empty")
                .isTrue();
        assertThat(partner.json().get("contact").isNull()).isTrue();
        assertThat(admin.get("/api/partners/" + partnerA)
                        .json()
                        .at("/contact/email")
                        .asText())
                .isEqualTo(CONTACT_EMAIL);
        for (String path : List.of(
                "/api/partners/" + partnerA,
                "/api/partners/" + partnerA + "?minVersion=1",
                "/api/partners",
                "/api/partners/" + partnerA + "/check-ins",
                "/api/partners/" + partnerA + "/deals",
                "/api/deals",
                "/api/deals/" + dealA,
                "/api/dashboard",
                "/api/dashboard/leaderboard")) {
            PrmClient.Response read = viewer.get(path);
            assertThat(read.status()).as(path).isEqualTo(200);
            assertThat(read.body()).as(path).doesNotContain(CONTACT_EMAIL).doesNotContain(CONTACT_PHONE);
        }
    }

    private static void expect403(List<String> failures, String call, PrmClient.Response answer) {
        if (answer.status() != 403
                || !String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json")) {
            failures.add(call + ": " + answer.status() + " " + answer.body());
        }
    }

    private void createUser(String username, String role, String partnerId) {
        String partner = partnerId == null ? "" : ", \"partnerId\": \"" + partnerId + "\"";
        PrmClient.Response created = admin.post("/api/users", """
                {"username": "%s", "password": "%s", "roles": ["%s"]%s}""".formatted(username, PASSWORD, role, partner));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void assertNothingOfOthers(String body) {
        for (String other : List.of(partnerB, partnerC, dealB, "Scoped B", "Scoped C")) {
            assertThat(body).as("nothing of " + other).doesNotContain(other);
        }
    }

    private String approved(String partnerId, String domain, String amount) {
        String deal = recordDeal(admin, partnerId, domain, amount);
        PrmClient.Response approved = admin.post("/api/deals/" + deal + "/approve");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return deal;
    }

    private void won(String deal, String amount) {
        PrmClient.Response won = admin.post("/api/deals/" + deal + "/win", TestBodies.win(amount, "USD", TODAY));
        assertThat(won.status()).as(won.body()).isEqualTo(200);
    }

    private void lost(String deal) {
        PrmClient.Response lost = admin.post("/api/deals/" + deal + "/lose", TestBodies.reason("budget"));
        assertThat(lost.status()).as(lost.body()).isEqualTo(200);
    }

    private void goal(String partnerId, String revenueTarget) {
        PrmClient.Response set =
                admin.put("/api/partners/" + partnerId + "/goals/" + QUARTER, TestBodies.goal(revenueTarget, 1));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** Amounts travel as decimal strings. */
    private static BigDecimal amount(JsonNode money) {
        JsonNode amount = money.get("amount");
        assertThat(amount.isTextual()).as("an amount: " + money).isTrue();
        return new BigDecimal(amount.asText());
    }

    private static int sum(JsonNode counts) {
        int sum = 0;
        for (JsonNode count : counts) {
            sum += count.asInt();
        }
        return sum;
    }

    private static String recordDeal(PrmClient client, String partnerId, String domain) {
        return recordDeal(client, partnerId, domain, "2500.00");
    }

    private static String recordDeal(PrmClient client, String partnerId, String domain, String amount) {
        PrmClient.Response recorded = client.post("/api/deals", TestBodies.deal(partnerId, domain, amount));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("id").asText();
    }

    private static List<String> partnersOf(PrmClient.Response deals) {
        assertThat(deals.status()).as(deals.body()).isEqualTo(200);
        List<String> partners = new ArrayList<>();
        deals.json()
                .get("items")
                .forEach(item -> partners.add(item.get("partnerId").asText()));
        assertThat(partners).isNotEmpty();
        return partners;
    }

    private static List<String> ids(PrmClient.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return ids(page.json().get("items"));
    }

    private static List<String> ids(JsonNode partners) {
        List<String> ids = new ArrayList<>();
        partners.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
