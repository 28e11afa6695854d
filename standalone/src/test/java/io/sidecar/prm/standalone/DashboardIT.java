package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.events.Quarter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard over HTTP (API.md, "Queries"): the portfolio figures follow the commands, the at-risk filter, the
 * quarter's leaderboard, and the live stream that brings a command's effect within 2 seconds. Tests share one
 * application, so the figures are checked as changes from before each scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String QUARTER = Quarter.of(TODAY).toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private final String run = "r" + UUID.randomUUID().toString().substring(0, 8);
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
    void theFiguresFollowTheDealsGoalsAndCheckIns() {
        client.awaitCaughtUp(PATIENCE);
        JsonNode before = client.get("/api/dashboard").json();

        String seller = client.activePartner("Seller " + run);
        String quiet = client.activePartner("Quiet " + run);
        PrmClient.Response goal =
                client.put("/api/partners/" + seller + "/goals/" + QUARTER, TestBodies.goal("24000.00", 2));
        assertThat(goal.status()).as(goal.body()).isEqualTo(200);
        assertThat(client.post("/api/partners/" + quiet + "/check-ins", TestBodies.checkIn(TODAY, "catch-up"))
                        .status())
                .isIn(200, 201);
        approved(seller, "unstaged", "5000.00");
        String proposal = approved(seller, "proposal", "3000.00");
        assertThat(client.post("/api/deals/" + proposal + "/stage", TestBodies.stage("PROPOSAL"))
                        .status())
                .isEqualTo(200);
        String won = approved(seller, "won", "10000.00");
        assertThat(client.post("/api/deals/" + won + "/win", TestBodies.win("12000.00", "USD", TODAY))
                        .status())
                .isEqualTo(200);
        String lost = approved(seller, "lost", "2000.00");
        assertThat(client.post("/api/deals/" + lost + "/lose", TestBodies.reason("budget cut"))
                        .status())
                .isEqualTo(200);
        client.awaitCaughtUp(PATIENCE);

        JsonNode after = client.get("/api/dashboard").json();
        assertThat(after.get("period").asText()).isEqualTo(QUARTER);
        assertThat(change(before, after, "pipeline", "total")).isEqualByComparingTo("8000.00");
        assertThat(change(before, after, "pipeline", "byStage", "UNSTAGED")).isEqualByComparingTo("5000.00");
        assertThat(change(before, after, "pipeline", "byStage", "PROPOSAL")).isEqualByComparingTo("3000.00");
        assertThat(change(before, after, "wonRevenue", "total")).isEqualByComparingTo("12000.00");
        assertThat(after.at("/wonRevenue/byQuarter/" + QUARTER + "/dealsWon").asInt()
                        - before.at("/wonRevenue/byQuarter/" + QUARTER + "/dealsWon")
                                .asInt())
                .isEqualTo(1);
        assertThat(after.at("/partners/byStatus/ACTIVE").asInt()
                        - before.at("/partners/byStatus/ACTIVE").asInt())
                .isEqualTo(2);
        assertThat(change(before, after, "goals", "revenueTarget")).isEqualByComparingTo("24000.00");
        assertThat(change(before, after, "goals", "wonRevenue")).isEqualByComparingTo("12000.00");
        assertThat(after.get("winRate").isNumber()).isTrue();

        JsonNode seen = client.get("/api/partners/" + seller).json();
        assertThat(seen.get("winRate").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(seen.get("healthScore").asInt()).isBetween(0, 100);
        assertThat(seen.get("atRisk").asBoolean()).as("never checked in").isTrue();
        assertThat(ids(after.get("topPartners"))).contains(seller);

        JsonNode leaderboard =
                client.get("/api/dashboard/leaderboard?limit=200").json();
        assertThat(leaderboard.get("period").asText()).isEqualTo(QUARTER);
        JsonNode place = entryOf(leaderboard, seller);
        assertThat(amount(place.at("/wonRevenue/amount"))).isEqualByComparingTo("12000.00");
        assertThat(place.get("attainment").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(place.get("rank").asInt()).isPositive();
    }

    @Test
    void theAtRiskFilterSplitsThePartnersByTheirHealthToday() {
        String drifting = client.activePartner("Drifting " + run);
        String engaged = client.activePartner("Engaged " + run);
        assertThat(client.post("/api/partners/" + engaged + "/check-ins", TestBodies.checkIn(TODAY, "weekly"))
                        .status())
                .isIn(200, 201);
        client.awaitCaughtUp(PATIENCE);

        List<String> atRisk =
                ids(client.get("/api/partners?atRisk=true&size=200").json().get("items"));
        List<String> fine =
                ids(client.get("/api/partners?atRisk=false&size=200").json().get("items"));

        assertThat(atRisk).contains(drifting).doesNotContain(engaged);
        assertThat(fine).contains(engaged).doesNotContain(drifting);
        JsonNode engagedItem =
                client.get("/api/partners?q=" + "Engaged%20" + run).json().at("/items/0");
        assertThat(engagedItem.get("healthScore").asInt()).as("20 + 15 + 30").isEqualTo(65);
        assertThat(engagedItem.get("lastCheckInOn").asText()).isEqualTo(TODAY.toString());
        assertThat(ids(client.get("/api/dashboard").json().get("atRiskPartners")))
                .contains(drifting);
    }

    @Test
    void theLiveStreamBringsACommandsEffectWithinTwoSeconds() throws Exception {
        String partner = client.activePartner("Live " + run);
        String pending = registered(partner, "live", "7777.00");
        client.awaitCaughtUp(PATIENCE);

        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> stream = http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/dashboard/stream"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", PrmClient.ADMIN_AUTHORIZATION)
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = stream.get();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<String> replaying = new LinkedBlockingQueue<>();
        AtomicReference<String> eventName = new AtomicReference<>();
        Thread reader = new Thread(() -> response.body().forEach(line -> {
            if (line.startsWith("event:")) {
                eventName.set(line.substring("event:".length()));
            } else if (line.startsWith("data:") && "replaying".equals(eventName.get())) {
                replaying.add(line.substring("data:".length()));
            } else if (line.startsWith("data:")) {
                events.add(parse(line.substring("data:".length())));
            }
        }));
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode first = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(first).as("the dashboard at once on connecting").isNotNull();
            assertThat(replaying.poll())
                    .as("whether its read model is being rebuilt, said first")
                    .isEqualTo("false");
            BigDecimal pipelineBefore = amount(first.at("/pipeline/total/amount"));

            assertThat(client.post("/api/deals/" + pending + "/approve").status())
                    .isEqualTo(200);
            long approvedAt = System.nanoTime();

            BigDecimal expected = pipelineBefore.add(new BigDecimal("7777.00"));
            await().atMost(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(events.stream()
                                    .map(event -> amount(event.at("/pipeline/total/amount")))
                                    .toList())
                            .as("the pipeline in each dashboard received")
                            .anySatisfy(pipeline -> assertThat(pipeline).isEqualByComparingTo(expected)));
            assertThat(Duration.ofNanos(System.nanoTime() - approvedAt)).isLessThan(Duration.ofSeconds(2));
        } finally {
            response.body().close();
            stream.cancel(true);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/dashboard/leaderboard?period=2026-Q5",
                "/api/dashboard/leaderboard?period=Q4-2026",
                "/api/dashboard/leaderboard?limit=0",
                "/api/dashboard/leaderboard?limit=201",
                "/api/dashboard/leaderboard?limit=ten",
                "/api/partners?atRisk=maybe"
            })
    void badDashboardParametersAreBadRequestProblems(String path) {
        PrmClient.Response answer = client.get(path);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asText()).isNotBlank();
    }

    private String registered(String partner, String customer, String amount) {
        PrmClient.Response recorded =
                client.post("/api/deals", TestBodies.deal(partner, run + "-" + customer + ".example", amount));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("id").asText();
    }

    private String approved(String partner, String customer, String amount) {
        String deal = registered(partner, customer, amount);
        assertThat(client.post("/api/deals/" + deal + "/approve").status()).isEqualTo(200);
        return deal;
    }

    private static BigDecimal change(JsonNode before, JsonNode after, String... path) {
        String pointer = "/" + String.join("/", path) + "/amount";
        BigDecimal was = before.at(pointer).isMissingNode() ? BigDecimal.ZERO : amount(before.at(pointer));
        return amount(after.at(pointer)).subtract(was);
    }

    /** Amounts travel as decimal strings. */
    private static BigDecimal amount(JsonNode amount) {
        assertThat(amount.isTextual())
                .as("an amount as a decimal string: " + amount)
                .isTrue();
        return new BigDecimal(amount.asText());
    }

    private static List<String> ids(JsonNode partners) {
        return Stream.iterate(0, i -> i < partners.size(), i -> i + 1)
                .map(i -> partners.get(i).get("id").asText())
                .toList();
    }

    private static JsonNode entryOf(JsonNode leaderboard, String partnerId) {
        for (JsonNode entry : leaderboard.get("items")) {
            if (entry.get("partnerId").asText().equals(partnerId)) {
                return entry;
            }
        }
        throw new AssertionError("partner " + partnerId + " not on the leaderboard: " + leaderboard);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + json, notJson);
        }
    }
}
