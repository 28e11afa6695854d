package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Bad input over HTTP: every case answers an RFC 9457 problem with the right status and the field named, never a
 * 500, and the event store holds no new event afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    private static final String CLOSE_DATE =
            LocalDate.now(ZoneOffset.UTC).plusDays(60).toString();

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient client;
    private String partnerId;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir, "prm.query.min-version-wait=300ms");
        client = app.client();
        // active, so that a deal for it is refused for its fields alone
        partnerId = client.activePartner("Valid Partner");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.get("/api/partners/" + partnerId)
                                .json()
                                .path("version")
                                .asLong()
                        == PrmClient.ACTIVATED_VERSION);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    Stream<Arguments> badCommands() {
        String partner = TestBodies.partner("Bad Input Co");
        List<Arguments> cases = new ArrayList<>(List.of(
                Arguments.of("malformed JSON", "/api/partners", "{\"name\": ", 400, null),
                Arguments.of("empty body", "/api/partners", "", 400, null),
                Arguments.of("array instead of object", "/api/partners", "[]", 400, null),
                Arguments.of(
                        "name of the wrong type",
                        "/api/partners",
                        partner.replace("\"Bad Input Co\"", "[\"x\"]"),
                        400,
                        "name"),
                Arguments.of("unknown type", "/api/partners", partner.replace("RESELLER", "FOO"), 400, "type"),
                Arguments.of("type as a number", "/api/partners", partner.replace("\"RESELLER\"", "1"), 400, "type"),
                Arguments.of("blank name", "/api/partners", partner.replace("Bad Input Co", "  "), 400, "name"),
                Arguments.of(
                        "name too long",
                        "/api/partners",
                        partner.replace("Bad Input Co", "n".repeat(201)),
                        400,
                        "name"),
                Arguments.of("region not ISO", "/api/partners", partner.replace("\"DE\"", "\"XX\""), 400, "region"),
                Arguments.of(
                        "region of three letters",
                        "/api/partners",
                        partner.replace("\"DE\"", "\"DEU\""),
                        400,
                        "region"),
                Arguments.of(
                        "bad email",
                        "/api/partners",
                        partner.replace("ada@acme.example", "ada-at-acme"),
                        400,
                        "contact.email"),
                Arguments.of(
                        "contact of the wrong type",
                        "/api/partners",
                        partner.replaceAll("\"contact\": \\{[^}]*}", "\"contact\": \"Ada\""),
                        400,
                        "contact"),
                Arguments.of(
                        "missing contact",
                        "/api/partners",
                        partner.replaceAll("\"contact\": \\{[^}]*},", ""),
                        400,
                        "contact"),
                Arguments.of(
                        "website not http",
                        "/api/partners",
                        partner.replace("https://acme.example", "ftp://acme.example"),
                        400,
                        "website"),
                Arguments.of(
                        "phone with letters",
                        "/api/partners",
                        partner.replace("+49 30 1234567", "call me"),
                        400,
                        "contact.phone")));
        String deal = TestBodies.deal(partnerId, "globex.example", "1000.00", CLOSE_DATE);
        cases.addAll(List.of(
                Arguments.of(
                        "deal for an unknown partner",
                        "/api/deals",
                        TestBodies.deal("no-such-partner", "1000.00"),
                        404,
                        null),
                Arguments.of(
                        "missing partner id",
                        "/api/deals",
                        deal.replace("\"partnerId\": \"" + partnerId + "\",", ""),
                        400,
                        "partnerId"),
                Arguments.of(
                        "amount not a number",
                        "/api/deals",
                        deal.replace("\"1000.00\"", "\"abc\""),
                        400,
                        "amount.amount"),
                Arguments.of(
                        "negative amount",
                        "/api/deals",
                        deal.replace("\"1000.00\"", "\"-5.00\""),
                        400,
                        "amount.amount"),
                Arguments.of("zero amount", "/api/deals", deal.replace("\"1000.00\"", "\"0\""), 400, "amount.amount"),
                Arguments.of(
                        "three decimals",
                        "/api/deals",
                        deal.replace("\"1000.00\"", "\"10.001\""),
                        400,
                        "amount.amount"),
                Arguments.of(
                        "over 10^12",
                        "/api/deals",
                        deal.replace("\"1000.00\"", "\"1000000000000.01\""),
                        400,
                        "amount.amount"),
                Arguments.of("other currency", "/api/deals", deal.replace("USD", "EUR"), 400, "amount.currency"),
                Arguments.of(
                        "bad domain",
                        "/api/deals",
                        deal.replace("globex.example", "not a domain"),
                        400,
                        "customer.domain"),
                Arguments.of(
                        "impossible date",
                        "/api/deals",
                        deal.replace(CLOSE_DATE, "2026-13-45"),
                        400,
                        "expectedCloseDate"),
                Arguments.of(
                        "close date in the past",
                        "/api/deals",
                        deal.replace(CLOSE_DATE, "2020-01-01"),
                        400,
                        "expectedCloseDate"),
                Arguments.of(
                        "close date beyond two years",
                        "/api/deals",
                        deal.replace(
                                CLOSE_DATE,
                                LocalDate.now(ZoneOffset.UTC)
                                        .plusYears(2)
                                        .plusDays(2)
                                        .toString()),
                        400,
                        "expectedCloseDate"),
                Arguments.of("blank product", "/api/deals", deal.replace("Sidecar Enterprise", ""), 400, "product")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommands")
    void aBadCommandAnswersAProblemAndStoresNothing(String what, String path, String body, int status, String field) {
        long before = app.storedEvents();

        PrmClient.Response response = client.post(path, body);

        assertProblem(response, status, field);
        assertThat(app.storedEvents()).as("events stored").isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonAnswers415AndStoresNothing() {
        long before = app.storedEvents();

        PrmClient.Response response = client.post("/api/partners", "name=x", Map.of("Content-Type", "text/plain"));

        assertProblem(response, 415, null);
        assertThat(app.storedEvents()).isEqualTo(before);
    }

    Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("/api/partners?size=0", 400, "size"),
                Arguments.of("/api/partners?size=201", 400, "size"),
                Arguments.of("/api/partners?page=-1", 400, "page"),
                Arguments.of("/api/partners?sort=secret", 400, "sort"),
                Arguments.of("/api/partners?sort=name,sideways", 400, "sort"),
                Arguments.of("/api/partners?status=FOO", 400, "status"),
                Arguments.of("/api/partners?page=abc", 400, "page"),
                Arguments.of("/api/partners?region=Germany", 400, "region"),
                Arguments.of("/api/partners/PARTNER?minVersion=abc", 400, "minVersion"),
                Arguments.of("/api/partners/PARTNER?minVersion=-1", 400, "minVersion"),
                Arguments.of("/api/partners/no-such-partner", 404, null),
                Arguments.of("/api/deals/no-such-deal", 404, null),
                Arguments.of("/api/deals/no-such-deal?minVersion=1", 404, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void aBadQueryAnswersAProblem(String path, int status, String field) {
        assertProblem(client.get(path.replace("PARTNER", partnerId)), status, field);
    }

    @Test
    void aReadThatCannotCatchUpAnswersWhatItHasAndSaysItIsStale() {
        assertThat(client.get("/api/partners/" + partnerId + "?minVersion=1").header("Warning"))
                .isNull();

        PrmClient.Response response = client.get("/api/partners/" + partnerId + "?minVersion=99");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Warning")).contains("stale");
        assertThat(response.json().get("version").asLong()).isEqualTo(PrmClient.ACTIVATED_VERSION);
    }

    private static void assertProblem(PrmClient.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("errors")).as(response.body()).isNotNull();
            List<String> fields = new ArrayList<>();
            problem.get("errors").forEach(error -> fields.add(error.get("field").asText()));
            assertThat(fields).as(response.body()).contains(field);
        }
    }
}
