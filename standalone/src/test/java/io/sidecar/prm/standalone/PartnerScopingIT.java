package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a partner user sees: its own partner, deals and history, and of another partner nothing, not even that it
 * exists (the 404 of an unknown id, through every endpoint it can reach); it records deals for itself only, under its
 * name and partner in history. And what a viewer sees: everything it may read, without contact data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerScopingIT {

    private static final String PASSWORD = "scoping-password-1";
    private static final String CONTACT_EMAIL = "ada@acme.example";
    private static final String CONTACT_PHONE = "+49 30 1234567";

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
                "/api/users",
                "/api/dashboard",
                "/api/dashboard/leaderboard");
        List<String> failures = new ArrayList<>();
        for (String path : gets) {
            expect403(failures, "GET " + path, partnerUser.get(path));
        }
        for (String stream : List.of("/api/events/stream", "/api/dashboard/stream", "/api/audit/verify")) {
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

    private static String recordDeal(PrmClient client, String partnerId, String domain) {
        PrmClient.Response recorded = client.post("/api/deals", TestBodies.deal(partnerId, domain, "2500.00"));
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
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
