package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations from day one: health with both stores, Prometheus metrics from Axon, and an OpenAPI document that
 * describes the endpoints that exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT {

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
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
    void healthIsUpWithTheEventStoreAndTheReadModelStore() {
        PrmClient.Response health = client.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.json().at("/components/db/details/database").asText()).isEqualTo("H2");
        assertThat(health.json().at("/components/mongo/status").asText()).isEqualTo("UP");
    }

    @Test
    void commandsRunInEventStoreTransactions() {
        assertThat(app.bean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void prometheusShowsAxonMessageAndProcessorMetrics() {
        client.onboardAndRead("Metrics Inc");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = client.get("/actuator/prometheus").body();
            assertThat(metrics).contains("commandBus_", "payloadType=\"OnboardPartnerCommand\"");
            assertThat(metrics).contains("eventProcessor_", "processorName=\"partner-summary\"");
            assertThat(metrics).contains("queryBus_", "payloadType=\"FindPartnerQuery\"");
        });
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointsThatExist() {
        JsonNode paths = client.get("/v3/api-docs").json().get("paths");

        assertThat(paths.has("/api/partners")).isTrue();
        assertThat(paths.get("/api/partners").has("post")).isTrue();
        assertThat(paths.get("/api/partners").has("get")).isTrue();
        assertThat(paths.get("/api/partners/{id}").has("get")).isTrue();
        assertThat(paths.get("/api/deals").has("post")).isTrue();
        assertThat(paths.get("/api/deals/{id}").has("get")).isTrue();
        assertThat(paths.get("/api/admin/processors").has("get")).isTrue();
        assertThat(paths.get("/api/admin/processors/{name}/replay").has("post")).isTrue();
        assertThat(paths.get("/api/dashboard").has("get")).isTrue();
        assertThat(paths.get("/api/dashboard/stream").has("get")).isTrue();
        assertThat(paths.get("/api/dashboard/leaderboard").has("get")).isTrue();
        assertThat(paths.get("/api/events").has("get")).isTrue();
        assertThat(paths.get("/api/events/stream").has("get")).isTrue();
        assertThat(paths.get("/api/events/types").has("get")).isTrue();
        assertThat(paths.get("/api/webhooks").has("post")).isTrue();
        assertThat(paths.get("/api/webhooks").has("get")).isTrue();
        assertThat(paths.get("/api/webhooks/{id}").has("delete")).isTrue();
        assertThat(paths.get("/api/webhooks/{id}/deliveries").has("get")).isTrue();
        assertThat(paths.get("/api/webhooks/{id}/deliveries/{deliveryId}/retry").has("post"))
                .isTrue();
        JsonNode partner = client.get("/v3/api-docs").json().at("/components/schemas/PartnerDetails/properties");
        assertThat(partner.has("healthScore"))
                .as("health on the partner: " + partner)
                .isTrue();
        assertThat(client.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void replayingAProcessorThatIsNotAReadModelIsRefusedAndLeavesItRunning() {
        PrmClient.Response refused = client.post("/api/admin/processors/tier-promotion/replay");

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("processor.not-replayable");
        assertThat(refused.json().get("detail").asText()).contains("partner-summary", "deals", "check-ins");
        JsonNode policy = processor("tier-promotion");
        assertThat(policy.get("running").asBoolean()).isTrue();
        assertThat(policy.get("replaying").asBoolean()).isFalse();
    }

    @Test
    void replayingAnUnknownProcessorIsNotFound() {
        PrmClient.Response unknown = client.post("/api/admin/processors/no-such-processor/replay");

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("code").asText()).isEqualTo("processor.unknown");
        assertThat(unknown.json().get("detail").asText()).contains("no-such-processor");
    }

    @Test
    void theProcessorsReportTheirPositionAgainstTheHeadOfTheEventStore() {
        client.onboardAndRead("Processor Watchers Ltd");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode processors = client.get("/api/admin/processors").json();
            assertThat(processors)
                    .extracting(p -> p.get("name").asText())
                    .contains("partner-summary", "deals", "audit-log");
            for (JsonNode processor : processors) {
                assertThat(processor.get("running").asBoolean()).isTrue();
                // the audit log numbers each partner's history in global order: one segment
                assertThat(processor.get("segments").asInt())
                        .isEqualTo(processor.get("name").asText().equals("audit-log") ? 1 : 2);
                assertThat(processor.get("head").asLong()).isGreaterThanOrEqualTo(0);
                assertThat(processor.get("position").asLong())
                        .isEqualTo(processor.get("head").asLong());
                assertThat(processor.get("lag").asLong()).isZero();
                assertThat(processor.get("error").asBoolean()).isFalse();
            }
        });
    }

    private JsonNode processor(String name) {
        for (JsonNode processor : client.get("/api/admin/processors").json()) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor named " + name);
    }
}
