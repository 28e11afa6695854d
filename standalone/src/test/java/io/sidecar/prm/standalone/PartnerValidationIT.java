package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid input to the partner commands over HTTP: each answers 400 {@code application/problem+json} naming the
 * invalid field (also when the body cannot even be read into the request, such as an unknown enum value), and the
 * event store holds no new event afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerValidationIT {

    private static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private static final String PARTNER = "/api/partners/{id}";

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient client;
    private String partnerId;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir);
        client = app.client();
        // active, so that no rule could refuse these commands: only their input can
        partnerId = client.activePartner("Validated Partner");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    static Stream<Arguments> onboardings() {
        String valid = TestBodies.partner("Brand New Partner");
        String path = "/api/partners";
        return Stream.of(
                invalid("onboard: empty name", "POST", path, valid.replace("Brand New Partner", ""), "name"),
                invalid("onboard: name over 200", "POST", path, valid.replace("Brand New", "n".repeat(200)), "name"),
                invalid("onboard: unknown type", "POST", path, valid.replace("RESELLER", "FRANCHISE"), "type"),
                invalid("onboard: bad email", "POST", path, valid.replace("ada@acme.example", "ada@"), "contact.email"),
                invalid("onboard: unknown region", "POST", path, valid.replace("\"DE\"", "\"XX\""), "region"),
                invalid("onboard: one-letter region", "POST", path, valid.replace("\"DE\"", "\"D\""), "region"),
                invalid("onboard: empty contact", "POST", path, valid.replace("Ada Lovelace", ""), "contact.name"),
                invalid(
                        "onboard: language not a tag",
                        "POST",
                        path,
                        TestBodies.partnerSpeaking("Brand New Partner", "en_US"),
                        "language"),
                invalid(
                        "onboard: language over 35",
                        "POST",
                        path,
                        TestBodies.partnerSpeaking("Brand New Partner", "de-CH-1996-x-abcdefgh-abcdefgh-abcde"),
                        "language"),
                invalid("onboard: no body", "POST", path, "", null));
    }

    static Stream<Arguments> profileChanges() {
        return Stream.of(
                invalid("rename: empty name", "PATCH", PARTNER, TestBodies.rename(""), "name"),
                invalid("rename: name over 200", "PATCH", PARTNER, TestBodies.rename("n".repeat(201)), "name"),
                invalid("profile: unknown region", "PATCH", PARTNER, TestBodies.profile("ZZ", "a@b.example"), "region"),
                invalid("profile: bad email", "PATCH", PARTNER, TestBodies.profile("FR", "grace"), "contact.email"),
                invalid("profile: website not http", "PATCH", PARTNER, "{\"website\": \"ftp://x.example\"}", "website"),
                invalid("profile: no body", "PATCH", PARTNER, "", null),
                invalid("step: unknown step", "POST", PARTNER + "/onboarding-steps/WEBINAR_ATTENDED", null, "step"));
    }

    static Stream<Arguments> tiersAndReasons() {
        String tier = PARTNER + "/tier";
        String valid = TestBodies.tier("GOLD", "Great quarter");
        return Stream.of(
                invalid("tier: unknown tier", "POST", tier, valid.replace("GOLD", "DIAMOND"), "tier"),
                invalid("tier: no tier", "POST", tier, "{\"reason\": \"Great quarter\"}", "tier"),
                invalid("tier: empty reason", "POST", tier, TestBodies.tier("GOLD", " "), "reason"),
                invalid("tier: reason over 500", "POST", tier, TestBodies.tier("GOLD", "r".repeat(501)), "reason"),
                invalid("tier: no body", "POST", tier, "", null),
                invalid("suspend: empty reason", "POST", PARTNER + "/suspend", TestBodies.reason(""), "reason"),
                invalid("suspend: reason over 500", "POST", PARTNER + "/suspend", reason(501), "reason"),
                invalid("suspend: no body", "POST", PARTNER + "/suspend", "", null),
                invalid("offboard: empty reason", "POST", PARTNER + "/offboard", TestBodies.reason(""), "reason"),
                invalid("offboard: reason over 500", "POST", PARTNER + "/offboard", reason(501), "reason"),
                invalid("offboard: no body", "POST", PARTNER + "/offboard", "", null));
    }

    static Stream<Arguments> goals() {
        String goal = PARTNER + "/goals/2026-Q3";
        String valid = TestBodies.goal("1000.00", 2);
        return Stream.of(
                invalid("goal: quarter 5", "PUT", PARTNER + "/goals/2026-Q5", valid, "period"),
                invalid("goal: period not YYYY-Qn", "PUT", PARTNER + "/goals/Q3-2026", valid, "period"),
                invalid(
                        "goal: negative target",
                        "PUT",
                        goal,
                        valid.replace("1000.00", "-5.00"),
                        "revenueTarget.amount"),
                invalid("goal: zero target", "PUT", goal, valid.replace("1000.00", "0"), "revenueTarget.amount"),
                invalid(
                        "goal: target not a number",
                        "PUT",
                        goal,
                        valid.replace("1000.00", "lots"),
                        "revenueTarget.amount"),
                invalid(
                        "goal: three decimals",
                        "PUT",
                        goal,
                        valid.replace("1000.00", "10.001"),
                        "revenueTarget.amount"),
                invalid("goal: other currency", "PUT", goal, valid.replace("USD", "EUR"), "revenueTarget.currency"),
                invalid(
                        "goal: zero deal target",
                        "PUT",
                        goal,
                        valid.replace("\"dealTarget\": 2", "\"dealTarget\": 0"),
                        "dealTarget"),
                invalid("goal: no target", "PUT", goal, "{\"dealTarget\": 2}", "revenueTarget"),
                invalid("goal: no body", "PUT", goal, "", null));
    }

    static Stream<Arguments> checkIns() {
        String checkIns = PARTNER + "/check-ins";
        String valid = TestBodies.checkIn(YESTERDAY, "Quarterly review");
        String attendees = "[\"Ada Lovelace\", \"Grace Hopper\"]";
        String tomorrowButOne = YESTERDAY.plusDays(3).toString();
        return Stream.of(
                invalid(
                        "check-in: in the future",
                        "POST",
                        checkIns,
                        valid.replace(YESTERDAY.toString(), tomorrowButOne),
                        "occurredOn"),
                invalid(
                        "check-in: impossible date",
                        "POST",
                        checkIns,
                        valid.replace(YESTERDAY.toString(), "2026-02-30"),
                        "occurredOn"),
                invalid(
                        "check-in: 21 attendees",
                        "POST",
                        checkIns,
                        valid.replace(attendees, TestBodies.jsonArray("Person", 21)),
                        "attendees"),
                invalid("check-in: no attendee", "POST", checkIns, valid.replace(attendees, "[]"), "attendees"),
                invalid(
                        "check-in: summary over 2000",
                        "POST",
                        checkIns,
                        valid.replace("Quarterly review", "s".repeat(2001)),
                        "summary"),
                invalid("check-in: empty summary", "POST", checkIns, valid.replace("Quarterly review", ""), "summary"),
                invalid(
                        "check-in: unknown sentiment",
                        "POST",
                        checkIns,
                        valid.replace("POSITIVE", "HAPPY"),
                        "sentiment"),
                invalid(
                        "check-in: 21 next steps",
                        "POST",
                        checkIns,
                        valid.replace("[\"Send the price list\"]", TestBodies.jsonArray("Step", 21)),
                        "nextSteps"),
                invalid("check-in: no body", "POST", checkIns, "", null));
    }

    Stream<Arguments> invalidCommands() {
        return Stream.of(onboardings(), profileChanges(), tiersAndReasons(), goals(), checkIns())
                .flatMap(cases -> cases);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCommands")
    void anInvalidCommandAnswers400NamingTheFieldAndStoresNothing(
            String what, String method, String path, String body, String field) {
        long before = app.storedEvents();
        String target = path.replace("{id}", partnerId);

        PrmClient.Response response = body == null
                ? client.post(target)
                : client.send(method, target, body, Map.of("Content-Type", "application/json"));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field == null) {
            assertThat(problem.get("code").asText()).as(response.body()).isEqualTo("request.malformed");
        } else {
            assertThat(problem.get("code").asText()).as(response.body()).isEqualTo("validation.failed");
            assertThat(PartnerLifecycleIT.fieldOf(problem.get("errors"), "field"))
                    .as(response.body())
                    .contains(field);
            assertThat(PartnerLifecycleIT.fieldOf(problem.get("errors"), "message"))
                    .as(response.body())
                    .allSatisfy(message -> assertThat(message).isNotBlank());
        }
        assertThat(app.storedEvents()).as("events stored").isEqualTo(before);
    }

    private static Arguments invalid(String what, String method, String path, String body, String field) {
        return Arguments.of(what, method, path, body, field);
    }

    private static String reason(int length) {
        return TestBodies.reason("r".repeat(length));
    }
}
