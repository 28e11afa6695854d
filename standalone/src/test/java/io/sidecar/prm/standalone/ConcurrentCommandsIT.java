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
 * Many clients at once, several of them registering deals for the same active partners while others onboard new
 * ones: every command answers 201 (never a 5xx), every answer is in the event store, and the read models add up.
 */
class ConcurrentCommandsIT {

    private static final int CLIENTS = 16;
    private static final int COMMANDS_PER_CLIENT = 40;
    private static final int SHARED_PARTNERS = 4;

    @TempDir
    Path dataDir;

    @Test
    void concurrentCommandsAllSucceedAndAddUp() throws Exception {
        try (RunningStandalone app = RunningStandalone.start(dataDir)) {
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
                        PrmClient.Response response = i % 5 == 0
                                ? client.post("/api/partners", TestBodies.partner("Client " + number + "-" + i))
                                : client.post(
                                        "/api/deals",
                                        TestBodies.deal(partner, "d" + number + "-" + i + ".example", "10.00"));
                        statuses.merge(response.status(), 1, Integer::sum);
                        if (response.status() == 201 && i % 5 != 0) {
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

            int commands = CLIENTS * COMMANDS_PER_CLIENT;
            assertThat(statuses).containsExactly(Map.entry(201, commands));
            assertThat(app.storedEvents()).isEqualTo(SHARED_PARTNERS * PrmClient.ACTIVATED_VERSION + commands);
            for (String partner : shared) {
                int deals = dealsPerPartner.get(partner);
                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(client.get("/api/partners/" + partner)
                                        .json()
                                        .get("openDeals")
                                        .asInt())
                                .isEqualTo(deals));
                assertThat(client.get("/api/partners/" + partner)
                                .json()
                                .at("/pipeline/amount")
                                .asText())
                        .isEqualTo(deals * 10 + ".00");
            }
        }
    }
}
