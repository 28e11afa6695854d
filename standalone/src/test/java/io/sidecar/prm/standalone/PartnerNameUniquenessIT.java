package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.PartnerLifecycleIT.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sidecar.prm.command.lookup.Claim;
import io.sidecar.prm.command.lookup.Claims;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partner names are unique among partners not offboarded, ignoring case and white space (DOMAIN.md), checked on
 * the command side against its own lookup: under concurrency, across renames and offboardings, after a crash
 * between claim and append, and after the lookup is rebuilt from the events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerNameUniquenessIT {

    private static final String SCOPE = "partner-name";
    private static final int ROUNDS = 10;

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    private final String run = "N" + UUID.randomUUID().toString().substring(0, 8);
    private RunningStandalone app;
    private PrmClient client;
    private Claims claims;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir);
        client = app.client();
        claims = app.bean(Claims.class);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void ofTwoConcurrentOnboardingsOfOneNameExactlyOneSucceeds() throws Exception {
        long before = app.storedEvents();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String body = TestBodies.partner(run + " Race " + round);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<PrmClient.Response>> answers = new ArrayList<>();
                for (int thread = 0; thread < 2; thread++) {
                    answers.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return client.post("/api/partners", body);
                    }));
                }
                List<PrmClient.Response> responses = new ArrayList<>();
                for (Future<PrmClient.Response> answer : answers) {
                    responses.add(answer.get(60, TimeUnit.SECONDS));
                }
                assertThat(responses)
                        .as(
                                "round %d: %s",
                                round,
                                responses.stream().map(PrmClient.Response::body).toList())
                        .extracting(PrmClient.Response::status)
                        .containsExactlyInAnyOrder(201, 409);
                responses.stream()
                        .filter(response -> response.status() == 409)
                        .forEach(refused -> assertRefused(refused, 409, "partner.name.taken"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(app.storedEvents()).as("one partner per round").isEqualTo(before + ROUNDS);
    }

    @Test
    void namesThatDifferOnlyInCaseOrWhiteSpaceAreTheSameName() {
        client.onboard(" ACME  corp " + run + " ");
        long before = app.storedEvents();

        for (String variant : List.of(
                "acme corp " + run.toLowerCase(Locale.ROOT),
                "AcmeCorp" + run,
                "acme\\tcorp " + run,
                "ＡＣＭＥ corp " + run)) { // full-width letters: the same name once normalised (NFKC)
            assertRefused(client.post("/api/partners", TestBodies.partner(variant)), 409, "partner.name.taken");
        }

        assertThat(app.storedEvents()).isEqualTo(before);
        assertThat(client.post("/api/partners", TestBodies.partner("Acme Corp " + run + " Two"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void renamingToATakenNameIsRefusedAndToAFreeOneFreesTheOldName() {
        client.onboard(run + " Rename A");
        String b = client.onboard(run + " Rename B");
        long before = app.storedEvents();

        PrmClient.Response taken =
                client.patch("/api/partners/" + b, TestBodies.rename(run.toUpperCase() + " RENAME A"));

        assertRefused(taken, 409, "partner.name.taken");
        assertThat(app.storedEvents()).isEqualTo(before);

        PrmClient.Response renamed = client.patch("/api/partners/" + b, TestBodies.rename(run + " Rename C"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().get("version").asLong()).isEqualTo(2);
        assertThat(client.partnerAt(b, 2).get("name").asText()).isEqualTo(run + " Rename C");
        assertThat(client.post("/api/partners", TestBodies.partner(run + " Rename B"))
                        .status())
                .as("the old name is free again")
                .isEqualTo(201);
        assertRefused(client.post("/api/partners", TestBodies.partner(run + " rename c")), 409, "partner.name.taken");

        PrmClient.Response recased = client.patch("/api/partners/" + b, TestBodies.rename(run + " RENAME C"));
        assertThat(recased.status()).as("its own name, spelled anew").isEqualTo(200);
        assertThat(client.partnerAt(b, 3).get("name").asText()).isEqualTo(run + " RENAME C");
    }

    @Test
    void offboardingFreesTheName() {
        String name = run + " Leaving";
        String leaving = client.onboard(name);
        assertRefused(client.post("/api/partners", TestBodies.partner(name)), 409, "partner.name.taken");

        assertThat(client.post("/api/partners/" + leaving + "/offboard", TestBodies.reason("Closed"))
                        .status())
                .isEqualTo(200);

        PrmClient.Response successor = client.post("/api/partners", TestBodies.partner(name));
        assertThat(successor.status()).as(successor.body()).isEqualTo(201);
    }

    @Test
    void aClaimInFlightBlocksTheNameEvenWithoutEvents() {
        String name = run + " Ghost Works";
        // a command that claimed the name and has not stored its events yet (or crashed in between)
        assertThat(claims.claim(SCOPE, key(name), "ghost-partner", holder -> false))
                .isEmpty();
        long before = app.storedEvents();

        assertRefused(client.post("/api/partners", TestBodies.partner(name)), 409, "partner.name.taken");

        assertThat(app.storedEvents()).isEqualTo(before);
        assertThat(claims.find(SCOPE, key(name)))
                .hasValueSatisfying(claim -> assertThat(claim.owner()).isEqualTo("ghost-partner"));
    }

    @Test
    void theLookupRebuiltFromTheEventsHoldsTheNamesOfPartnersNotOffboarded() throws Exception {
        String kept = client.onboard(run + " Kept");
        String gone = client.onboard(run + " Gone");
        assertThat(client.post("/api/partners/" + gone + "/offboard", TestBodies.reason("Closed"))
                        .status())
                .isEqualTo(200);
        String renamed = client.onboard(run + " Old Name");
        assertThat(client.patch("/api/partners/" + renamed, TestBodies.rename(run + " New Name"))
                        .status())
                .isEqualTo(200);

        claims.replaceAll(SCOPE, Map.of());
        assertThat(claims.find(SCOPE, key(run + " Kept"))).isEmpty();
        Object rebuild = app.bean(Class.forName("io.sidecar.prm.command.partner.PartnerNameRebuild"));
        Method rebuildMethod = rebuild.getClass().getDeclaredMethod("rebuild");
        rebuildMethod.setAccessible(true);
        int names = (int) rebuildMethod.invoke(rebuild);

        assertThat(names).isGreaterThanOrEqualTo(2);
        assertThat(claims.find(SCOPE, key(run + " Kept"))).hasValueSatisfying(claim -> {
            assertThat(claim.owner()).isEqualTo(kept);
            assertThat(claim.confirmed()).isTrue();
        });
        assertThat(claims.find(SCOPE, key(run + " New Name"))).map(Claim::owner).hasValue(renamed);
        assertThat(claims.find(SCOPE, key(run + " Gone"))).isEmpty();
        assertThat(claims.find(SCOPE, key(run + " Old Name"))).isEmpty();
        assertRefused(client.post("/api/partners", TestBodies.partner(run + " KEPT")), 409, "partner.name.taken");
        assertRefused(client.post("/api/partners", TestBodies.partner(run + " new name")), 409, "partner.name.taken");
        assertThat(client.post("/api/partners", TestBodies.partner(run + " Gone"))
                        .status())
                .isEqualTo(201);
        assertThat(client.post("/api/partners", TestBodies.partner(run + " Old Name"))
                        .status())
                .isEqualTo(201);
    }

    /** The lookup key of a name (as PartnerNames makes it): NFKC, without white space, lower case. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replaceAll("\\s+", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The lookup database is lost (or new) beside an existing event store. */
    @Nested
    class WhenTheLookupDatabaseIsLost {

        @TempDir
        Path lostDataDir;

        @Test
        void theNamesAreRebuiltFromTheEventsAtTheNextStart() throws Exception {
            String survivor;
            String renamed;
            try (RunningStandalone first = RunningStandalone.start(lostDataDir)) {
                PrmClient firstClient = first.client();
                survivor = firstClient.onboard(run + " Survivor");
                String departed = firstClient.onboard(run + " Departed");
                assertThat(firstClient
                                .post("/api/partners/" + departed + "/offboard", TestBodies.reason("Closed"))
                                .status())
                        .isEqualTo(200);
                renamed = firstClient.onboard(run + " Before");
                assertThat(firstClient
                                .patch("/api/partners/" + renamed, TestBodies.rename(run + " After"))
                                .status())
                        .isEqualTo(200);
            }
            Files.delete(lostDataDir.resolve("lookups.mv.db"));

            try (RunningStandalone second = RunningStandalone.start(lostDataDir)) {
                Claims rebuilt = second.bean(Claims.class);
                assertThat(rebuilt.find(SCOPE, key(run + " Survivor"))).hasValueSatisfying(claim -> {
                    assertThat(claim.owner()).isEqualTo(survivor);
                    assertThat(claim.confirmed()).isTrue();
                });
                assertThat(rebuilt.find(SCOPE, key(run + " After")).map(Claim::owner))
                        .hasValue(renamed);
                PrmClient secondClient = second.client();
                for (String taken : List.of(run + " survivor", run + " AFTER")) {
                    assertRefused(
                            secondClient.post("/api/partners", TestBodies.partner(taken)), 409, "partner.name.taken");
                }
                for (String free : List.of(run + " Departed", run + " Before")) {
                    assertThat(secondClient
                                    .post("/api/partners", TestBodies.partner(free))
                                    .status())
                            .as(free)
                            .isEqualTo(201);
                }
            }
        }
    }

    /** An application whose unconfirmed claims count as in flight for one second only. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AfterTheInFlightGrace {

        private static final Duration GRACE = Duration.ofSeconds(1);

        @TempDir
        static Path graceDataDir;

        private RunningStandalone graceApp;
        private PrmClient graceClient;
        private Claims graceClaims;

        @BeforeAll
        void start() {
            graceApp = RunningStandalone.start(graceDataDir, "prm.lookups.in-flight-grace=PT1S");
            graceClient = graceApp.client();
            graceClaims = graceApp.bean(Claims.class);
        }

        @AfterAll
        void stop() {
            graceApp.close();
        }

        @Test
        void aClaimWhoseCommandNeverStoredItsEventsIsTakenOver() {
            String name = run + " Crashed Before Append";
            assertThat(graceClaims.claim(SCOPE, key(name), "ghost-partner", holder -> false))
                    .isEmpty();

            // refused while the claim may still be in flight, then taken over: the ghost has no events
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> graceClient
                                    .post("/api/partners", TestBodies.partner(name))
                                    .status()
                            == 201);

            assertThat(graceClaims.find(SCOPE, key(name))).hasValueSatisfying(claim -> {
                assertThat(claim.owner()).isNotEqualTo("ghost-partner");
                assertThat(claim.confirmed()).isTrue();
            });
        }

        @Test
        void aConfirmedClaimOfAPartnerStaysHeldPastTheGrace() {
            String name = run + " Still Here";
            String holder = graceClient.onboard(name);
            Claim claim = graceClaims.find(SCOPE, key(name)).orElseThrow();
            awaitGracePassed(claim);

            assertRefused(graceClient.post("/api/partners", TestBodies.partner(name)), 409, "partner.name.taken");
            assertThat(graceClaims.find(SCOPE, key(name)).map(Claim::owner)).hasValue(holder);
        }

        @Test
        void anUnconfirmedClaimOfAPartnerWhoseEventsAreStoredStaysHeldAndIsConfirmed() {
            String name = run + " Crashed After Append";
            String holder = graceClient.onboard(name);
            // the process died after storing the events, before confirming the claim
            graceClaims.release(SCOPE, key(name), holder);
            assertThat(graceClaims.claim(SCOPE, key(name), holder, any -> false))
                    .isEmpty();
            Claim unconfirmed = graceClaims.find(SCOPE, key(name)).orElseThrow();
            assertThat(unconfirmed.confirmed()).isFalse();
            awaitGracePassed(unconfirmed);

            assertRefused(graceClient.post("/api/partners", TestBodies.partner(name)), 409, "partner.name.taken");
            assertThat(graceClaims.find(SCOPE, key(name))).hasValueSatisfying(claim -> {
                assertThat(claim.owner()).isEqualTo(holder);
                assertThat(claim.confirmed()).isTrue();
            });
        }

        private static void awaitGracePassed(Claim claim) {
            Instant over = claim.claimedAt().plus(GRACE);
            await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(over));
        }
    }
}
