package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.PartnerLifecycleIT.fieldOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expiry of a deal survives a restart (ADR 006): the packaged product approves a deal with a one-second
 * protection and is stopped at once; started again on the same data after the protection ended, it expires the deal
 * exactly once, and later sweeps do not expire it again.
 */
class DealExpiryRestartIT {

    private static final String[] FAST_EXPIRY = {
        "--prm.deals.protection-period=PT1S", "--prm.deals.expiry-sweep-interval=PT0.2S"
    };
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;
    /** The processes' logs stay in the build directory, for a person to read when this test fails. */
    private final Path logs =
            Path.of("target", "deal-expiry-restart-it-logs", String.valueOf(System.currentTimeMillis()));

    @Test
    void anExpiryThatFellDueWhileTheProductWasDownIsRecordedOnceAfterItStartsAgain() throws Exception {
        Files.createDirectories(logs);
        String dealId;
        try (StandaloneProcess app = StandaloneProcess.start(dataDir, logs.resolve("1-approve.log"), FAST_EXPIRY)) {
            PrmClient client = app.client();
            String partner = client.activePartner("Restarting Reseller");
            dealId = registered(client, partner, "restart.example");
            PrmClient.Response approved = client.post("/api/deals/" + dealId + "/approve");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().get("version").asLong()).isEqualTo(2);
            app.stop(PATIENCE);
        }

        StoredEvents whileDown = StoredEvents.inDataDir(dataDir);
        Instant protectedUntil =
                instant(whileDown.single(dealId, "DealApproved").payload().get("protectedUntil"));
        assertThat(whileDown.of(dealId, "DealRegistrationExpired"))
                .as("stopped before the protection ended, so the restarted product has to expire it")
                .isEmpty();
        // starting takes longer than that anyway; this makes sure the deal is due at the first sweep
        await().atMost(PATIENCE).until(() -> Instant.now().isAfter(protectedUntil));

        try (StandaloneProcess app = StandaloneProcess.start(dataDir, logs.resolve("2-restarted.log"), FAST_EXPIRY)) {
            PrmClient client = app.client();
            JsonNode expired = await().atMost(PATIENCE)
                    .until(
                            () -> client.get("/api/deals/" + dealId).json(),
                            deal -> "EXPIRED".equals(deal.path("status").asText()));
            assertThat(expired.get("version").asLong()).isEqualTo(3);
            assertThat(fieldOf(expired.get("trail"), "event"))
                    .containsExactly("DealRecorded", "DealApproved", "DealRegistrationExpired");

            // later sweeps have run once a deal approved after the restart expired as well
            String partner = expired.get("partnerId").asText();
            String later = registered(client, partner, "later.example");
            assertThat(client.post("/api/deals/" + later + "/approve").status()).isEqualTo(200);
            await().atMost(PATIENCE)
                    .until(
                            () -> client.get("/api/deals/" + later)
                                    .json()
                                    .path("status")
                                    .asText(),
                            "EXPIRED"::equals);
            client.awaitCaughtUp(PATIENCE);
            JsonNode after = client.get("/api/deals/" + dealId).json();
            assertThat(after.get("version").asLong()).isEqualTo(3);
            assertThat(fieldOf(after.get("trail"), "event"))
                    .filteredOn("DealRegistrationExpired"::equals)
                    .hasSize(1);
            app.stop(PATIENCE);
        }

        StoredEvents stored = StoredEvents.inDataDir(dataDir);
        StoredEvents.Row expiry = stored.single(dealId, "DealRegistrationExpired");
        assertThat(instant(expiry.payload().get("protectedUntil"))).isEqualTo(protectedUntil);
        assertThat(instant(expiry.payload().get("expiredAt"))).isAfterOrEqualTo(protectedUntil);
        assertThat(expiry.sequence()).isEqualTo(2);
    }

    private static String registered(PrmClient client, String partnerId, String domain) {
        PrmClient.Response recorded =
                client.post("/api/deals", TestBodies.dealFor(partnerId, domain, "Sidecar Enterprise", "1000.00"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("id").asText();
    }

    /** An instant as the event store's JSON holds it: ISO-8601 text, or seconds since the epoch. */
    private static Instant instant(JsonNode stored) {
        if (stored.isTextual()) {
            return Instant.parse(stored.asText());
        }
        BigDecimal seconds = stored.decimalValue();
        return Instant.ofEpochSecond(
                seconds.longValue(),
                seconds.subtract(BigDecimal.valueOf(seconds.longValue()))
                        .movePointRight(9)
                        .longValue());
    }
}
