package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A partner's life over HTTP (DOMAIN.md, "Partner"): every step answers the partner's new version, and the
 * partner's page shows the step once read at that version. Refusals are 409 problems naming the rule and store
 * nothing; the lists filter, sort and page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerLifecycleIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** The day of a check-in: yesterday, so that it is never in the future whatever the clock does meanwhile. */
    private static final LocalDate YESTERDAY = TODAY.minusDays(1);

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    private final String run = "R" + UUID.randomUUID().toString().substring(0, 8);
    private RunningStandalone app;
    private PrmClient client;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir);
        client = app.client();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aPartnerWalksThroughItsWholeLifeAndItsPageFollowsEveryStep() {
        PrmClient.Response onboarded = client.post("/api/partners", TestBodies.partner(run + " Lifelong"));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        String id = onboarded.json().get("id").asText();
        String partner = "/api/partners/" + id;
        JsonNode view = read(onboarded, 1);
        assertThat(view.get("status").asText()).isEqualTo("ONBOARDING");
        assertThat(view.get("statusReason").isNull()).isTrue();
        assertThat(view.get("tier").asText()).isEqualTo("REGISTERED");
        assertOnboarding(view, List.of(), PrmClient.ONBOARDING_STEPS);
        assertThat(view.get("goals")).isEmpty();
        assertThat(view.get("recentCheckIns")).isEmpty();
        assertThat(view.get("checkIns").asInt()).isZero();
        assertThat(view.get("lastCheckInOn").isNull()).isTrue();
        assertThat(view.get("activatedAt").isNull()).isTrue();
        assertThat(view.get("onboardedAt").asText()).isNotBlank();

        view = read(client.post(partner + "/onboarding-steps/AGREEMENT_SIGNED"), 2);
        assertOnboarding(view, List.of("AGREEMENT_SIGNED"), List.of("COMPLIANCE_CHECKED", "TRAINING_COMPLETED"));

        PrmClient.Response again = client.post(partner + "/onboarding-steps/AGREEMENT_SIGNED");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asLong())
                .as("a done step records nothing")
                .isEqualTo(2);

        PrmClient.Response early = client.post(partner + "/activate");
        assertRefused(early, 409, "partner.activation.steps-missing");
        assertThat(texts(early.json().get("missingSteps"))).containsExactly("COMPLIANCE_CHECKED", "TRAINING_COMPLETED");

        // out of checklist order, and in lower case: the page lists the steps in checklist order
        view = read(client.post(partner + "/onboarding-steps/training_completed"), 3);
        assertOnboarding(view, List.of("AGREEMENT_SIGNED", "TRAINING_COMPLETED"), List.of("COMPLIANCE_CHECKED"));

        view = read(client.post(partner + "/onboarding-steps/COMPLIANCE_CHECKED"), 4);
        assertOnboarding(view, PrmClient.ONBOARDING_STEPS, List.of());
        assertThat(view.get("status").asText()).isEqualTo("ONBOARDING");

        view = read(client.post(partner + "/activate"), 5);
        assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
        String activatedAt = view.get("activatedAt").asText();
        assertThat(activatedAt).isNotBlank();

        view = read(client.put(partner + "/goals/2026-Q4", TestBodies.goal("100000", 4)), 6);
        assertThat(view.get("goals")).hasSize(1);
        JsonNode goal = view.at("/goals/0");
        assertThat(goal.get("period").asText()).isEqualTo("2026-Q4");
        assertThat(goal.at("/revenueTarget/amount").asText()).isEqualTo("100000.00");
        assertThat(goal.at("/revenueTarget/currency").asText()).isEqualTo("USD");
        assertThat(goal.get("dealTarget").asInt()).isEqualTo(4);
        assertThat(goal.at("/wonRevenue/amount").asText()).isEqualTo("0.00");
        assertThat(goal.get("dealsWon").asInt()).isZero();
        assertThat(goal.get("attainment").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(goal.get("setAt").asText()).isNotBlank();

        view = read(client.put(partner + "/goals/2026-Q3", TestBodies.goal("50000.50", 2)), 7);
        assertThat(periods(view)).as("oldest quarter first").containsExactly("2026-Q3", "2026-Q4");

        view = read(client.put(partner + "/goals/2026-Q3", TestBodies.goal("75000", 3)), 8);
        assertThat(periods(view)).as("a quarter's goal is replaced").containsExactly("2026-Q3", "2026-Q4");
        assertThat(view.at("/goals/0/revenueTarget/amount").asText()).isEqualTo("75000.00");
        assertThat(view.at("/goals/0/dealTarget").asInt()).isEqualTo(3);

        PrmClient.Response checkedIn = client.post(partner + "/check-ins", TestBodies.checkIn(YESTERDAY, "Kick-off"));
        view = read(checkedIn, 9);
        assertThat(view.get("recentCheckIns")).hasSize(1);
        JsonNode checkIn = view.at("/recentCheckIns/0");
        assertThat(checkIn.get("checkInId").asText())
                .isEqualTo(checkedIn.json().get("checkInId").asText());
        assertThat(checkIn.get("occurredOn").asText()).isEqualTo(YESTERDAY.toString());
        assertThat(checkIn.get("summary").asText()).isEqualTo("Kick-off");
        assertThat(checkIn.get("sentiment").asText()).isEqualTo("POSITIVE");
        assertThat(texts(checkIn.get("attendees"))).containsExactly("Ada Lovelace", "Grace Hopper");
        assertThat(texts(checkIn.get("nextSteps"))).containsExactly("Send the price list");
        assertThat(view.get("checkIns").asInt()).isEqualTo(1);
        assertThat(view.get("lastCheckInOn").asText()).isEqualTo(YESTERDAY.toString());

        view = read(client.post(partner + "/tier", TestBodies.tier("GOLD", "Strong first quarter")), 10);
        assertThat(view.get("tier").asText()).isEqualTo("GOLD");
        PrmClient.Response sameTier = client.post(partner + "/tier", TestBodies.tier("GOLD", "Again"));
        assertThat(sameTier.json().get("version").asLong())
                .as("the same tier records nothing")
                .isEqualTo(10);

        view = read(client.post(partner + "/suspend", TestBodies.reason("Compliance review")), 11);
        assertThat(view.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(view.get("statusReason").asText()).isEqualTo("Compliance review");

        view = read(client.post(partner + "/reinstate"), 12);
        assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.get("statusReason").isNull()).isTrue();
        assertThat(view.get("activatedAt").asText()).as("the first activation").isEqualTo(activatedAt);

        view = read(client.post(partner + "/offboard", TestBodies.reason("Partnership ended")), 13);
        assertThat(view.get("status").asText()).isEqualTo("OFFBOARDED");
        assertThat(view.get("statusReason").asText()).isEqualTo("Partnership ended");
        assertThat(view.get("tier").asText()).isEqualTo("GOLD");
        assertThat(periods(view)).containsExactly("2026-Q3", "2026-Q4");
        assertThat(view.get("checkIns").asInt()).isEqualTo(1);
        assertThat(view.get("version").asLong()).isEqualTo(13);
    }

    @Test
    void thePartnerPageKeepsTheNewestTenCheckInsAndTheListPagesThemAll() {
        String id = client.activePartner(run + " Chatty");
        // recorded out of order: newest means the day it took place, not the order of recording
        List<Integer> daysAgo = List.of(5, 12, 1, 9, 3, 11, 7, 2, 10, 4, 8, 6);
        for (int days : daysAgo) {
            PrmClient.Response recorded = client.post(
                    "/api/partners/" + id + "/check-ins", TestBodies.checkIn(TODAY.minusDays(days), "Day -" + days));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        }
        List<String> newestFirst = daysAgo.stream()
                .sorted()
                .map(days -> TODAY.minusDays(days).toString())
                .toList();

        JsonNode view = client.partnerAt(id, PrmClient.ACTIVATED_VERSION + daysAgo.size());
        assertThat(view.get("checkIns").asInt()).isEqualTo(12);
        assertThat(view.get("lastCheckInOn").asText())
                .isEqualTo(TODAY.minusDays(1).toString());
        assertThat(fieldOf(view.get("recentCheckIns"), "occurredOn")).isEqualTo(newestFirst.subList(0, 10));

        String checkIns = "/api/partners/" + id + "/check-ins";
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(client.get(checkIns + "?size=5")
                                .json()
                                .get("total")
                                .asLong())
                        .isEqualTo(12));
        List<JsonNode> pages = IntStream.range(0, 4)
                .mapToObj(page -> client.get(checkIns + "?size=5&page=" + page).json())
                .toList();
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.get("total").asLong()).isEqualTo(12);
            assertThat(page.get("size").asInt()).isEqualTo(5);
        });
        assertThat(pages.stream().map(page -> page.get("items").size())).containsExactly(5, 5, 2, 0);
        List<String> listed = new ArrayList<>();
        pages.forEach(page -> listed.addAll(fieldOf(page.get("items"), "occurredOn")));
        assertThat(listed).isEqualTo(newestFirst);
        assertThat(fieldOf(pages.get(0).get("items"), "id"))
                .isEqualTo(fieldOf(view.get("recentCheckIns"), "checkInId").subList(0, 5));
        assertThat(pages.get(0).at("/items/0/partnerId").asText()).isEqualTo(id);
        assertThat(pages.get(0).at("/items/0/summary").asText()).isEqualTo("Day -1");

        JsonNode oldestFirst = client.get(checkIns + "?sort=occurredOn,asc").json();
        assertThat(fieldOf(oldestFirst.get("items"), "occurredOn"))
                .isEqualTo(newestFirst.stream().sorted().toList());
        assertRefused(client.get("/api/partners/no-such-partner/check-ins"), 404, "partner.unknown");
    }

    @Test
    void partnersAreFilteredByStatusTierTypeRegionAndNameAndSorted() {
        String prefix = run + " List";
        String alpha = activePartner(prefix + " Alpha", "RESELLER", "DE");
        assertThat(client.post("/api/partners/" + alpha + "/tier", TestBodies.tier("GOLD", "Top seller"))
                        .status())
                .isEqualTo(200);
        client.partnerAt(alpha, 6);
        String beta = onboard(prefix + " Beta", "REFERRAL", "FR");
        client.partnerAt(beta, 1);
        String gamma = activePartner(prefix + " Gamma", "TECHNOLOGY", "DE");
        assertThat(client.post("/api/partners/" + gamma + "/suspend", TestBodies.reason("Audit"))
                        .status())
                .isEqualTo(200);
        client.partnerAt(gamma, 6);
        String delta = activePartner(prefix + " Delta", "RESELLER", "US");
        client.partnerAt(delta, PrmClient.ACTIVATED_VERSION);

        String q = "/api/partners?q=" + prefix.toLowerCase().replace(" ", "%20");
        assertThat(names(q, prefix)).containsExactly("Alpha", "Beta", "Delta", "Gamma");
        assertThat(names(q + "&sort=name,desc", prefix)).containsExactly("Gamma", "Delta", "Beta", "Alpha");
        assertThat(names(q + "&status=ACTIVE", prefix)).containsExactly("Alpha", "Delta");
        assertThat(names(q + "&status=SUSPENDED", prefix)).containsExactly("Gamma");
        assertThat(names(q + "&status=ONBOARDING", prefix)).containsExactly("Beta");
        assertThat(names(q + "&tier=GOLD", prefix)).containsExactly("Alpha");
        assertThat(names(q + "&tier=REGISTERED", prefix)).containsExactly("Beta", "Delta", "Gamma");
        assertThat(names(q + "&type=RESELLER", prefix)).containsExactly("Alpha", "Delta");
        assertThat(names(q + "&region=de", prefix)).containsExactly("Alpha", "Gamma");
        assertThat(names(q + "&status=ACTIVE&type=RESELLER&region=DE", prefix)).containsExactly("Alpha");
        assertThat(names("/api/partners?q=" + prefix.toUpperCase().replace(" ", "%20") + "%20ALP", prefix))
                .containsExactly("Alpha");

        JsonNode page = client.get(q + "&size=3&page=1").json();
        assertThat(page.get("total").asLong()).isEqualTo(4);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(3);
        assertThat(fieldOf(page.get("items"), "id")).containsExactly(gamma);
        JsonNode first = client.get(q + "&tier=GOLD").json().at("/items/0");
        assertThat(first.get("id").asText()).isEqualTo(alpha);
        assertThat(first.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(first.get("type").asText()).isEqualTo("RESELLER");
        assertThat(first.get("region").asText()).isEqualTo("DE");
        assertThat(first.get("version").asLong()).isEqualTo(6);
    }

    @Test
    void aDealIsRecordedOnlyForAnActivePartner() {
        String id = onboard(run + " Dealmaker", "RESELLER", "DE");
        assertDealRefused(id, "onboarding.example");

        client.activate(id);
        PrmClient.Response recorded = client.post("/api/deals", TestBodies.deal(id, "active.example", "1000.00"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");

        assertThat(client.post("/api/partners/" + id + "/suspend", TestBodies.reason("Late payments"))
                        .status())
                .isEqualTo(200);
        assertDealRefused(id, "suspended.example");

        assertThat(client.post("/api/partners/" + id + "/reinstate").status()).isEqualTo(200);
        assertThat(client.post("/api/deals", TestBodies.deal(id, "reinstated.example", "10.00"))
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(client.get("/api/partners/" + id)
                                .json()
                                .path("openDeals")
                                .asInt())
                        .isEqualTo(2));
    }

    @Test
    void aRuleThatRefusesACommandAnswers409WithItsCodeAndStoresNothing() {
        String id = onboard(run + " Rulebound", "SERVICES", "GB");
        String partner = "/api/partners/" + id;
        assertNothingStored(() -> {
            assertRefused(
                    client.post(partner + "/tier", TestBodies.tier("SILVER", "Early")), 409, "partner.tier.not-active");
            assertRefused(
                    client.post(partner + "/suspend", TestBodies.reason("No")), 409, "partner.suspension.not-active");
            assertRefused(client.post(partner + "/reinstate"), 409, "partner.reinstatement.not-suspended");
            PrmClient.Response activation = client.post(partner + "/activate");
            assertRefused(activation, 409, "partner.activation.steps-missing");
            assertThat(texts(activation.json().get("missingSteps"))).isEqualTo(PrmClient.ONBOARDING_STEPS);
            assertThat(activation.json().get("detail").asText()).contains("AGREEMENT_SIGNED");
        });

        client.activate(id);
        assertNothingStored(() -> {
            assertRefused(client.post(partner + "/activate"), 409, "partner.activation.not-onboarding");
            assertRefused(client.post(partner + "/reinstate"), 409, "partner.reinstatement.not-suspended");
        });

        assertThat(client.post(partner + "/offboard", TestBodies.reason("Closed"))
                        .status())
                .isEqualTo(200);
        assertNothingStored(() -> {
            assertRefused(client.post(partner + "/offboard", TestBodies.reason("Twice")), 409, "partner.offboarded");
            assertRefused(
                    client.post(partner + "/check-ins", TestBodies.checkIn(YESTERDAY, "Too late")),
                    409,
                    "partner.offboarded");
            assertRefused(client.put(partner + "/goals/2026-Q3", TestBodies.goal("10", 1)), 409, "partner.offboarded");
            assertRefused(
                    client.patch(partner, TestBodies.profile("FR", "new@acme.example")), 409, "partner.offboarded");
            assertRefused(client.post(partner + "/onboarding-steps/AGREEMENT_SIGNED"), 409, "partner.offboarded");
            assertRefused(
                    client.post(partner + "/suspend", TestBodies.reason("No")), 409, "partner.suspension.not-active");
            assertRefused(client.post(partner + "/activate"), 409, "partner.activation.not-onboarding");
            assertDealRefused(id, "offboarded.example");
        });
    }

    Stream<Arguments> lifecycleCommands() {
        return Stream.of(
                Arguments.of("POST", "/onboarding-steps/AGREEMENT_SIGNED", null),
                Arguments.of("POST", "/activate", null),
                Arguments.of("POST", "/tier", TestBodies.tier("GOLD", "Why not")),
                Arguments.of("PUT", "/goals/2026-Q3", TestBodies.goal("1000", 1)),
                Arguments.of("POST", "/check-ins", TestBodies.checkIn(YESTERDAY, "Hello?")),
                Arguments.of("PATCH", "", TestBodies.rename(run + " Nobody")),
                Arguments.of("POST", "/suspend", TestBodies.reason("Why not")),
                Arguments.of("POST", "/reinstate", null),
                Arguments.of("POST", "/offboard", TestBodies.reason("Why not")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("lifecycleCommands")
    void aCommandForAnUnknownPartnerAnswers404(String method, String path, String body) {
        String unknown = "/api/partners/" + UUID.randomUUID() + path;
        assertNothingStored(() -> assertRefused(
                body == null
                        ? client.post(unknown)
                        : client.send(method, unknown, body, Map.of("Content-Type", "application/json")),
                404,
                "partner.unknown"));
    }

    /** Asserts the command's answer, then reads the partner at the version it answered. */
    private JsonNode read(PrmClient.Response answer, long version) {
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        assertThat(answer.json().get("version").asLong()).as(answer.body()).isEqualTo(version);
        return client.partnerAt(answer.json().get("id").asText(), version);
    }

    private String onboard(String name, String type, String region) {
        PrmClient.Response onboarded = client.post("/api/partners", TestBodies.partner(name, type, region));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        return onboarded.json().get("id").asText();
    }

    private String activePartner(String name, String type, String region) {
        String id = onboard(name, type, region);
        client.activate(id);
        return id;
    }

    private void assertDealRefused(String partnerId, String domain) {
        assertNothingStored(() -> assertRefused(
                client.post("/api/deals", TestBodies.deal(partnerId, domain, "500.00")),
                409,
                "deal.partner.not-active"));
    }

    private void assertNothingStored(Runnable commands) {
        long before = app.storedEvents();
        commands.run();
        assertThat(app.storedEvents()).as("events stored").isEqualTo(before);
    }

    private List<String> names(String path, String prefix) {
        PrmClient.Response found = client.get(path);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return fieldOf(found.json().get("items"), "name").stream()
                .map(name -> name.substring(prefix.length() + 1))
                .toList();
    }

    private static void assertOnboarding(JsonNode view, List<String> done, List<String> missing) {
        assertThat(texts(view.at("/onboarding/done"))).isEqualTo(done);
        assertThat(texts(view.at("/onboarding/missing"))).isEqualTo(missing);
    }

    private static List<String> periods(JsonNode view) {
        return fieldOf(view.get("goals"), "period");
    }

    static void assertRefused(PrmClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(each -> texts.add(each.asText()));
        return texts;
    }

    static List<String> fieldOf(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(each -> values.add(each.get(field).asText()));
        return values;
    }
}
