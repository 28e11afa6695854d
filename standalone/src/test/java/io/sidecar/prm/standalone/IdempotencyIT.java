package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Idempotency-Key} (API.md, "Commands"): the same key and request answer the first answer again and store
 * nothing; the key with another request is a 422; concurrent requests with one key execute once; keys are per user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIT {

    private static final String MANAGER_PASSWORD = "manager-password-1";

    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient admin;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir);
        admin = app.client();
        PrmClient.Response created = admin.post("/api/users", """
                {"username": "mia", "password": "%s", "roles": ["MANAGER"]}""".formatted(MANAGER_PASSWORD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theSameKeyAndBodyAgainAnswersTheFirstAnswerAndStoresNothing() {
        String body = TestBodies.partner("Idem Once");
        PrmClient.Response first = onboard(admin, "key-once", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        long stored = app.storedEvents();

        PrmClient.Response again = onboard(admin, "key-once", body);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location")).isNotNull();
        assertThat(again.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(app.storedEvents()).isEqualTo(stored);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndStoresNothing() {
        assertThat(onboard(admin, "key-reused", TestBodies.partner("Idem First"))
                        .status())
                .isEqualTo(201);
        long stored = app.storedEvents();

        PrmClient.Response other = onboard(admin, "key-reused", TestBodies.partner("Idem Second"));

        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().path("code").asText()).isEqualTo("idempotency.key-reused");
        assertThat(app.storedEvents()).isEqualTo(stored);
    }

    @Test
    void concurrentRequestsWithOneKeyExecuteOnce() throws Exception {
        String body = TestBodies.partner("Idem Concurrent");
        long stored = app.storedEvents();
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<PrmClient.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<PrmClient.Response> request = () -> {
                    go.await();
                    return onboard(admin, "key-concurrent", body);
                };
                answers.add(pool.submit(request));
            }
            go.countDown();
            List<PrmClient.Response> responses = new ArrayList<>();
            for (Future<PrmClient.Response> answer : answers) {
                responses.add(answer.get());
            }
            Set<Integer> statuses =
                    responses.stream().map(PrmClient.Response::status).collect(Collectors.toSet());
            assertThat(statuses)
                    .as("201 for the first and its replays, 409 while it runs")
                    .isSubsetOf(201, 409);
            Set<String> partners = responses.stream()
                    .filter(response -> response.status() == 201)
                    .map(response -> response.json().get("id").asText())
                    .collect(Collectors.toSet());
            assertThat(partners).hasSize(1);
            responses.stream()
                    .filter(response -> response.status() == 409)
                    .forEach(response ->
                            assertThat(response.json().path("code").asText()).isEqualTo("idempotency.in-flight"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(app.storedEvents()).as("one PartnerOnboarded").isEqualTo(stored + 1);
        PrmClient.Response after = onboard(admin, "key-concurrent", body);
        assertThat(after.status()).isEqualTo(201);
        assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void keysBelongToTheirUser() {
        PrmClient mia = admin.as("mia", MANAGER_PASSWORD);
        PrmClient.Response admins = onboard(admin, "key-shared", TestBodies.partner("Idem Admin's"));
        PrmClient.Response mias = onboard(mia, "key-shared", TestBodies.partner("Idem Mia's"));

        assertThat(admins.status()).isEqualTo(201);
        assertThat(mias.status()).as(mias.body()).isEqualTo(201);
        assertThat(mias.header("Idempotent-Replayed")).isNull();
        assertThat(mias.json().get("id")).isNotEqualTo(admins.json().get("id"));
    }

    @Test
    void aRefusedCommandIsReplayedAsRefused() {
        String partnerId = admin.onboard("Idem Not Ready");
        String activate = "/api/partners/" + partnerId + "/activate";
        Map<String, String> headers = Map.of("Idempotency-Key", "key-refused");
        PrmClient.Response refused = admin.send("POST", activate, "", headers);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        long stored = app.storedEvents();

        PrmClient.Response again = admin.send("POST", activate, "", headers);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).isEqualTo(refused.body());
        assertThat(again.header("Content-Type")).isEqualTo(refused.header("Content-Type"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(app.storedEvents()).isEqualTo(stored);
    }

    @Test
    void aKeyTooLongOrWithControlCharactersIsRefused() {
        long stored = app.storedEvents();
        PrmClient.Response tooLong = onboard(admin, "k".repeat(256), TestBodies.partner("Idem Long Key"));
        PrmClient.Response control = onboard(admin, "a\tb", TestBodies.partner("Idem Tab Key"));

        for (PrmClient.Response refused : List.of(tooLong, control)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("code").asText()).isEqualTo("idempotency.key-invalid");
        }
        assertThat(app.storedEvents()).isEqualTo(stored);
    }

    @Test
    void requestsWithoutAKeyAreNotAffected() {
        String body = TestBodies.partner("Idem Without Key");
        assertThat(admin.post("/api/partners", body).status()).isEqualTo(201);
        PrmClient.Response second = admin.post("/api/partners", body);
        assertThat(second.status()).as("the name is taken").isEqualTo(409);
        assertThat(second.header("Idempotent-Replayed")).isNull();
    }

    private static PrmClient.Response onboard(PrmClient client, String key, String body) {
        return client.post("/api/partners", body, Map.of("Content-Type", "application/json", "Idempotency-Key", key));
    }
}
