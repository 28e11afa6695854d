package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * Request limits (API.md, "Errors"): bodies over 1 MiB are 413 problems whether their length is declared or not, on
 * both sides; every text field of every command has a maximum, refused as a 400 problem naming the field; unknown
 * properties are ignored. A refused request stores nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsIT {

    private static final int MIB = 1024 * 1024;
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @TempDir
    static Path dataDir;

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
    void aDeclaredBodyOverOneMebibyteIsRefusedAtOnce() {
        long stored = app.storedEvents();
        PrmClient.Response refused = client.post("/api/partners", TestBodies.partner("n".repeat(MIB)));

        assertTooLarge(refused);
        assertThat(app.storedEvents()).isEqualTo(stored);
    }

    @Test
    void aBodyOfExactlyOneMebibyteIsRead() {
        String body = TestBodies.partner("Exactly One MiB");
        String padded = body.substring(0, body.length() - 1) + ", \"padding\": \""
                + "p".repeat(MIB - body.length() - 15) + "\"}";
        assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(MIB);

        PrmClient.Response accepted = client.post("/api/partners", padded);

        assertThat(accepted.status())
                .as("an unknown property is ignored: " + accepted.body())
                .isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sides")
    void aChunkedBodyIsRefusedOnceItPassesOneMebibyte(String path, String body) throws Exception {
        long stored = app.storedEvents();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", PrmClient.ADMIN_AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertTooLarge(new PrmClient.Response(answer));
        assertThat(app.storedEvents()).isEqualTo(stored);
    }

    Stream<Arguments> sides() {
        String huge = "x".repeat(MIB + 10);
        return Stream.of(
                Arguments.of("/api/partners", TestBodies.partner(huge)),
                Arguments.of("/api/deals/any-deal/reject", TestBodies.reason(huge)),
                Arguments.of("/api/webhooks", "{\"url\": \"https://" + huge + "\"}"),
                Arguments.of("/api/users", "{\"username\": \"" + huge + "\"}"));
    }

    /** Every text field and list of every command, one character or item over its maximum. */
    Stream<Arguments> tooLong() {
        String partner = TestBodies.partner("Limits Co");
        String deal = TestBodies.deal("some-partner", "1000.00");
        String checkIn = TestBodies.checkIn(LocalDate.now(ZoneOffset.UTC), "Talked");
        List<Arguments> cases = new ArrayList<>();
        for (String path : List.of("/api/partners", "/api/partners/any-partner")) {
            cases.add(Arguments.of(path, partner.replace("Limits Co", "n".repeat(201)), "name"));
            cases.add(Arguments.of(
                    path, partner.replace("acme.example\"}", "a".repeat(2040) + ".example\"}"), "website"));
            cases.add(Arguments.of(path, partner.replace("Ada Lovelace", "a".repeat(201)), "contact.name"));
            cases.add(Arguments.of(path, partner.replace("ada@", "a".repeat(250) + "@"), "contact.email"));
            cases.add(Arguments.of(path, partner.replace("+49 30 1234567", "1".repeat(41)), "contact.phone"));
            cases.add(Arguments.of(path, partner.replace("\"DE\"", "\"DEU\""), "region"));
        }
        cases.add(Arguments.of(
                "/api/partners", TestBodies.partnerSpeaking("Limits Co", "en-" + "a".repeat(33)), "language"));
        String reason = TestBodies.reason("r".repeat(501));
        for (String command : List.of("suspend", "offboard")) {
            cases.add(Arguments.of("/api/partners/any-partner/" + command, reason, "reason"));
        }
        cases.add(Arguments.of("/api/partners/any-partner/tier", TestBodies.tier("GOLD", "r".repeat(501)), "reason"));
        cases.add(Arguments.of(
                "/api/partners/any-partner/check-ins", checkIn.replace("Talked", "s".repeat(2001)), "summary"));
        cases.add(Arguments.of(
                "/api/partners/any-partner/check-ins",
                checkIn.replace("\"Ada Lovelace\"", "\"" + "a".repeat(201) + "\""),
                "attendees[0]"));
        cases.add(Arguments.of(
                "/api/partners/any-partner/check-ins",
                checkIn.replaceAll("\"attendees\": \\[[^]]*]", "\"attendees\": " + TestBodies.jsonArray("P", 21)),
                "attendees"));
        cases.add(Arguments.of(
                "/api/partners/any-partner/check-ins",
                checkIn.replace("Send the price list", "s".repeat(501)),
                "nextSteps[0]"));
        cases.add(Arguments.of(
                "/api/partners/any-partner/check-ins",
                checkIn.replaceAll("\"nextSteps\": \\[[^]]*]", "\"nextSteps\": " + TestBodies.jsonArray("S", 21)),
                "nextSteps"));
        cases.add(Arguments.of("/api/deals", deal.replace("some-partner", "p".repeat(101)), "partnerId"));
        cases.add(Arguments.of("/api/deals", deal.replace("Globex", "g".repeat(201)), "customer.name"));
        cases.add(Arguments.of(
                "/api/deals", deal.replace("globex.example", "g".repeat(250) + ".example"), "customer.domain"));
        cases.add(Arguments.of("/api/deals", deal.replace("Sidecar Enterprise", "s".repeat(201)), "product"));
        cases.add(Arguments.of(
                "/api/deals",
                deal.replace("}", ", \"fundRequestId\": \"" + "f".repeat(101) + "\"}")
                        .replace("\"USD\"}, \"fundRequestId\": \"" + "f".repeat(101) + "\"}", "\"USD\"}"),
                "fundRequestId"));
        for (String command : List.of("reject", "lose")) {
            cases.add(Arguments.of("/api/deals/any-deal/" + command, reason, "reason"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("tooLong")
    void everyTextFieldHasAMaximum(String path, String body, String field) {
        long stored = app.storedEvents();

        PrmClient.Response refused =
                path.equals("/api/partners/any-partner") ? client.patch(path, body) : client.post(path, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        for (JsonNode error : refused.json().path("errors")) {
            fields.add(error.path("field").asText());
        }
        assertThat(fields).contains(field);
        assertThat(app.storedEvents()).isEqualTo(stored);
    }

    /** A field of the wrong type, in every command body: a 400 problem naming it. */
    Stream<Arguments> wrongTypes() {
        String partner = "/api/partners/any-partner";
        String deal = "/api/deals/any-deal";
        String checkIn = TestBodies.checkIn(LocalDate.now(ZoneOffset.UTC), "Talked");
        return Stream.of(
                Arguments.of(
                        "POST", "/api/partners", TestBodies.partner("Typed Co").replace("\"RESELLER\"", "7"), "type"),
                Arguments.of(
                        "POST",
                        "/api/deals",
                        TestBodies.deal("p", "1.00")
                                .replace("{\"name\": \"Globex\", " + "\"domain\": \"globex.example\"}", "\"Globex\""),
                        "customer"),
                Arguments.of("PATCH", partner, "{\"contact\": \"Ada\"}", "contact"),
                Arguments.of("PATCH", partner, "{\"name\": {\"first\": \"A\"}}", "name"),
                Arguments.of("POST", partner + "/tier", "{\"tier\": 3, \"reason\": \"Up\"}", "tier"),
                Arguments.of("POST", partner + "/tier", "{\"tier\": \"GOLD\", \"reason\": [\"Up\"]}", "reason"),
                Arguments.of("PUT", partner + "/goals/2026-Q3", "{\"revenueTarget\": \"lots\"}", "revenueTarget"),
                Arguments.of(
                        "PUT",
                        partner + "/goals/2026-Q3",
                        TestBodies.goal("10.00", 1).replace("1}", "\"one\"}"),
                        "dealTarget"),
                Arguments.of(
                        "POST",
                        partner + "/check-ins",
                        checkIn.replaceAll("\"occurredOn\": \"[^\"]*\"", "\"occurredOn\": \"yesterday\""),
                        "occurredOn"),
                Arguments.of(
                        "POST",
                        partner + "/check-ins",
                        checkIn.replaceAll("\"attendees\": \\[[^]]*]", "\"attendees\": \"Ada\""),
                        "attendees"),
                Arguments.of("POST", partner + "/check-ins", checkIn.replace("\"POSITIVE\"", "true"), "sentiment"),
                Arguments.of("POST", partner + "/suspend", "{\"reason\": {}}", "reason"),
                Arguments.of("POST", partner + "/offboard", "{\"reason\": 12}", "reason"),
                Arguments.of("POST", deal + "/reject", "{\"reason\": [1]}", "reason"),
                Arguments.of("POST", deal + "/lose", "{\"reason\": false}", "reason"),
                Arguments.of("POST", deal + "/stage", "{\"stage\": \"SIDEWAYS\"}", "stage"),
                Arguments.of(
                        "POST",
                        deal + "/win",
                        TestBodies.win("10.00", "USD", LocalDate.now(ZoneOffset.UTC))
                                .replaceAll("\"closedOn\": \"[^\"]*\"", "\"closedOn\": true"),
                        "closedOn"),
                Arguments.of("POST", deal + "/extend-protection", "{\"days\": \"ten\"}", "days"),
                Arguments.of("POST", deal + "/extend-protection", "{\"days\": 10000000000}", "days"));
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("wrongTypes")
    void aFieldOfTheWrongTypeIsNamed(String method, String path, String body, String field) {
        long stored = app.storedEvents();

        PrmClient.Response refused =
                client.send(method, path, body, java.util.Map.of("Content-Type", "application/json"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").path(0).path("field").asText()).isEqualTo(field);
        assertThat(app.storedEvents()).isEqualTo(stored);
    }

    @Test
    void aCheckInOnTheDayItIsRecordedIsWithinTheLimits() {
        String partnerId = client.onboard("Limits Within Co");
        String body = TestBodies.checkIn(LocalDate.parse(TODAY), "s".repeat(2000))
                .replaceAll("\"attendees\": \\[[^]]*]", "\"attendees\": " + TestBodies.jsonArray("P", 20));

        PrmClient.Response recorded = client.post("/api/partners/" + partnerId + "/check-ins", body);

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
    }

    /** Found by CommandFuzzIT: a key twice in a one-field body was a 500 (Jackson cannot set a record twice). */
    @Test
    void aKeyTwiceInOneObjectIsMalformed() {
        String dealId = client.post("/api/deals", TestBodies.deal(client.activePartner("Duplicate Keys Co"), "10.00"))
                .json()
                .get("id")
                .asText();
        long stored = app.storedEvents();

        PrmClient.Response refused =
                client.post("/api/deals/" + dealId + "/lose", "{\"reason\": null,\"reason\": \"Fuzzed\"}");
        PrmClient.Response refusedToo = client.post(
                "/api/partners",
                TestBodies.partner("Twice Co").replace("{\"name\"", "{\"name\": \"Once Co\", \"name\""));

        for (PrmClient.Response response : List.of(refused, refusedToo)) {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().path("code").asText()).isEqualTo("request.malformed");
        }
        assertThat(app.storedEvents()).isEqualTo(stored);
    }

    /** Found by CommandFuzzIT: a command was executed and stored, and only then its answer refused (406). */
    @Test
    void aWriteWhoseAnswerCannotBeAcceptedIsRefusedBeforeItRuns() {
        String partnerId = client.onboard("Accepts Html Co");
        String goal = "/api/partners/" + partnerId + "/goals/2026-Q3";
        long stored = app.storedEvents();

        for (String accept : List.of("text/html", "application/json;q=0", "image/png, text/plain")) {
            PrmClient.Response refused = client.send(
                    "PUT",
                    goal,
                    TestBodies.goal("1000.00", 1),
                    java.util.Map.of("Content-Type", "application/json", "Accept", accept));
            assertThat(refused.status()).as(accept + ": " + refused.body()).isEqualTo(406);
        }
        assertThat(app.storedEvents()).isEqualTo(stored);
        PrmClient.Response accepted = client.send(
                "PUT",
                goal,
                TestBodies.goal("1000.00", 1),
                java.util.Map.of("Content-Type", "application/json", "Accept", "text/html, application/*;q=0.5"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(app.storedEvents()).isEqualTo(stored + 1);
    }

    /** Found by CommandFuzzIT: a multipart body without a boundary failed while it was parsed, a 500. */
    @Test
    void aMultipartBodyIsAnUnsupportedMediaType() {
        long stored = app.storedEvents();

        for (String type : List.of("multipart/form-data", "multipart/form-data; boundary=x")) {
            PrmClient.Response refused = client.post(
                    "/api/partners", TestBodies.partner("Multipart Co"), java.util.Map.of("Content-Type", type));
            assertThat(refused.status()).as(type + ": " + refused.body()).isEqualTo(415);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(app.storedEvents()).isEqualTo(stored);
    }

    private static void assertTooLarge(PrmClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("request.too-large");
    }
}
