package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A partner as it was at an instant (API.md, "Audit"): a partner with deals lives through most of a year on a clock
 * the test moves ({@link PartnerYear}), and after every step the test keeps what {@code GET /api/partners/{id}}
 * answered. Rebuilt from the event store as of each step's instant, the partner is that answer, field by field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsOfStateIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    private final MovableClock clock = new MovableClock(Instant.now());
    private RunningStandalone app;
    private PrmClient client;
    private PartnerYear year;
    private List<PartnerYear.Step> steps;
    private String partner;

    /** The sweep looks often, so that a deal whose protection the clock passes expires at once. */
    @BeforeAll
    void liveAYear() {
        app = RunningStandalone.start(dataDir, clock, "prm.deals.expiry-sweep-interval=PT0.1S");
        client = app.client();
        year = PartnerYear.live(
                client, clock, "r" + UUID.randomUUID().toString().substring(0, 8));
        steps = year.steps();
        partner = year.partner();
        client.awaitCaughtUp(PATIENCE);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void asOfEachStepsInstantThePartnerIsWhatItsPageShowedRightAfterThatStep() {
        assertThat(steps).hasSizeGreaterThanOrEqualTo(25);
        for (PartnerYear.Step step : steps) {
            PrmClient.Response asOf = client.get(stateAt(step.at()));
            assertThat(asOf.status()).as(step + ": " + asOf.body()).isEqualTo(200);
            assertThat(asOf.header("Warning")).as(step.toString()).isNull();
            assertThat(JsonDifferences.between(step.shown(), asOf.json()))
                    .as(step.toString())
                    .isEmpty();
            assertThat(asOf.json()).as(step.toString()).isEqualTo(step.shown());
        }
    }

    @Test
    void oneNanosecondBeforeAStepThePartnerIsAsTheStepBeforeLeftIt() {
        int checked = 0;
        for (int i = 1; i < steps.size(); i++) {
            PartnerYear.Step before = steps.get(i - 1);
            Instant justBefore = steps.get(i).at().minusNanos(1);
            // on another day than the step before, the health figures are another day's
            if (day(before.at()).equals(day(justBefore))) {
                PrmClient.Response asOf = client.get(stateAt(justBefore));
                assertThat(asOf.status()).as(asOf.body()).isEqualTo(200);
                assertThat(JsonDifferences.between(before.shown(), asOf.json()))
                        .as("just before " + steps.get(i))
                        .isEmpty();
                checked++;
            }
        }
        assertThat(checked).as("steps on the same day as the one before").isGreaterThanOrEqualTo(2);
    }

    @Test
    void beforeItsOnboardingThePartnerIsNotFoundAndTheProblemSaysWhenItWasOnboarded() {
        Instant onboardedAt = steps.get(0).at();
        Instant justBefore = onboardedAt.minusNanos(1);

        PrmClient.Response early = client.get(stateAt(justBefore));

        assertThat(early.status()).as(early.body()).isEqualTo(404);
        assertThat(early.header("Content-Type")).startsWith("application/problem+json");
        assertThat(early.json().get("detail").asText())
                .isEqualTo("partner " + partner + " was not onboarded yet at " + justBefore + "; it was onboarded at "
                        + onboardedAt);
        assertThat(early.json().get("code").asText()).isEqualTo("partner.not-onboarded-yet");
        assertThat(early.json().get("onboardedAt").asText()).isEqualTo(onboardedAt.toString());
    }

    @Test
    void anUnknownPartnerIsNotFoundNorIsADealAskedForAsAPartner() {
        for (String id : List.of("no-such-partner", year.wonDeal())) {
            PrmClient.Response unknown = client.get("/api/partners/" + id + "/state?asOf=" + clock.instant());
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
            assertThat(unknown.json().get("detail").asText()).isEqualTo("no partner with id " + id);
            assertThat(unknown.json().get("code").asText()).isEqualTo("partner.unknown");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "asOf=", "asOf=yesterday", "asOf=2031-13-01T00:00:00Z", "asOf=2031-01-06"})
    void anAsOfThatIsMissingOrNotAnInstantIsABadRequestThatNamesIt(String query) {
        assertBadAsOf(client.get("/api/partners/" + partner + "/state?" + query));
    }

    @Test
    void anAsOfInTheFutureIsABadRequestThatNamesIt() {
        PrmClient.Response future = client.get(stateAt(clock.instant().plusSeconds(1)));

        assertBadAsOf(future);
        assertThat(future.json().at("/errors/0/message").asText()).contains("future");
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointAndItsInstant() {
        JsonNode state = client.get("/v3/api-docs").json().at("/paths/~1api~1partners~1{id}~1state/get");

        assertThat(state.isMissingNode()).as("the state-as-of path").isFalse();
        assertThat(state.get("parameters").findValuesAsText("name")).contains("id", "asOf");
        assertThat(state.at("/responses/200/content").toString()).contains("PartnerDetails");
    }

    private static void assertBadAsOf(PrmClient.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo("asOf");
    }

    private String stateAt(Instant asOf) {
        return "/api/partners/" + partner + "/state?asOf=" + asOf;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
