package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients at once, several of them registering and approving deals for the same active partners while others
 * onboard new ones: every command answers 201 or 200 (never a 5xx), every answer is in the event store, and the read
 * models add up.
 */
class ConcurrentCommandsIT {

    private static final int CLIENTS = 16;
    private static final int COMMANDS_PER_CLIENT = 40;
    private static final int SHARED_PARTNERS = 4;

    @TempDir
    Path dataDir;

    @Test
    void concurrentCommandsAllSucceedAndAddUp() throws Exception {
        // 128 open registrations per shared partner: far over the default limit of 25, which is not what this
        // test is about (DealRegistrationIT tests the limit); the contention on a few partners is
        try (RunningStandalone app = RunningStandalone.start(dataDir, "prm.deals.open-limit=1000")) {
            PrmClient client = app.client();
            List<String> shared = new ArrayList<>();
            for (int i = 0; i < SHARED_PARTNERS; i++) {
                shared.add(client.activePartner("Shared " + i));
            }
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            Map<String, Integer> dealsPerPartner = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Callable<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int number = c;
                clients.add(() -> {
                    for (int i = 0; i < COMMANDS_PER_CLIENT; i++) {
                        String partner = shared.get((number + i) % SHARED_PARTNERS);
                        if (i % 5 == 0) {
                            PrmClient.Response onboarded =
                                    client.post("/api/partners", TestBodies.partner("Client " + number + "-" + i));
                            statuses.merge(onboarded.status(), 1, Integer::sum);
                            continue;
                        }
                        PrmClient.Response recorded = client.post(
                                "/api/deals", TestBodies.deal(partner, "d" + number + "-" + i + ".example", "10.00"));
                        statuses.merge(recorded.status(), 1, Integer::sum);
                        if (recorded.status() == 201) {
                            // only approved deals are in the pipeline
                            String approve =
                                    "/api/deals/" + recorded.json().get("id").asText() + "/approve";
                            statuses.merge(client.post(approve).status(), 1, Integer::sum);
                            dealsPerPartner.merge(partner, 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(clients)) {
                done.get();
            }
            pool.shutdown();

            int creations = CLIENTS * COMMANDS_PER_CLIENT;
            int deals = CLIENTS * (COMMANDS_PER_CLIENT - COMMANDS_PER_CLIENT / 5);
            assertThat(statuses).containsOnly(Map.entry(201, creations), Map.entry(200, deals));
            assertThat(app.storedEvents()).isEqualTo(SHARED_PARTNERS * PrmClient.ACTIVATED_VERSION + creations + deals);
            for (String partner : shared) {
                int approved = dealsPerPartner.get(partner);
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(client.get("/api/partners/" + partner)
                                        .json()
                                        .get("openDeals")
                                        .asInt())
                                .isEqualTo(approved));
                // the approvals may reach the partner's document after the openDeals count is complete
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(client.get("/api/partners/" + partner)
                                        .json()
                                        .at("/pipeline/amount")
                                        .asText())
                                .isEqualTo(approved * 10 + ".00"));
            }
        }
    }
}
