package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.Sentiment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner with 10,005 events: its history pages, time ranges and verification answer correctly, read by key.
 * The events after activation are appended straight to the store (10,000 commands over HTTP would take minutes);
 * the audit log records them like any others. Latencies are printed for the closing note, not asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongHistoryIT {

    private static final int CHECK_INS = 10_000;
    private static final Instant START = Instant.parse("2025-01-01T09:00:00Z");

    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient client;
    private String partner;
    private long total;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir);
        client = app.client();
        partner = client.activePartner("Long history " + UUID.randomUUID());
        EventStorageEngine store = app.bean(EventStorageEngine.class);
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int n = 0; n < CHECK_INS; n++) {
            batch.add(checkIn(PrmClient.ACTIVATED_VERSION + n, START.plus(Duration.ofHours(n))));
            if (batch.size() == 500) {
                store.appendEvents(batch);
                batch.clear();
            }
        }
        total = PrmClient.ACTIVATED_VERSION + CHECK_INS;
        long began = System.nanoTime();
        await().atMost(Duration.ofMinutes(5))
                .until(() -> client.get("/api/partners/" + partner + "/history?size=1")
                                .json()
                                .get("total")
                                .asLong()
                        == total);
        System.out.printf(
                "audit log recorded %d events in %d ms%n", CHECK_INS, (System.nanoTime() - began) / 1_000_000);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void anyPageOfTheHistoryIsReadByKey() {
        JsonNode first = timed("first page", () -> client.get("/api/partners/" + partner + "/history?size=200"));
        assertThat(first.get("items")).hasSize(200);
        assertThat(first.get("items").get(0).get("type").asText()).isEqualTo("PartnerOnboarded");
        JsonNode last = timed("last page", () -> client.get("/api/partners/" + partner + "/history?size=200&page=50"));
        assertThat(last.get("items")).hasSize((int) (total - 50 * 200));
        JsonNode newest = last.get("items").get(last.get("items").size() - 1);
        assertThat(newest.get("sequence").asLong()).isEqualTo(total - 1);
        assertThat(newest.get("payload").get("summary").asText()).isEqualTo("check-in " + (CHECK_INS - 1));
    }

    @Test
    void aTimeRangeWalksTheWholeHistoryAndKeepsOnlyItsPage() {
        Instant from = START.plus(Duration.ofHours(5000));
        Instant to = START.plus(Duration.ofHours(5100));
        JsonNode range = timed(
                "100 events by time range",
                () -> client.get("/api/partners/" + partner + "/history?size=200&from=" + from + "&to=" + to));
        assertThat(range.get("total").asLong()).isEqualTo(100);
        assertThat(range.get("items").get(0).get("payload").get("summary").asText())
                .isEqualTo("check-in 5000");
    }

    @Test
    void theWholeHistoryVerifies() {
        JsonNode verified = timed("verify", () -> client.get("/api/audit/verify?partnerId=" + partner));
        assertThat(verified.get("verified").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("eventsChecked").asLong()).isEqualTo(total);
        JsonNode everything = timed("verify everything", () -> client.get("/api/audit/verify"));
        assertThat(everything.get("eventsChecked").asLong()).isEqualTo(total);
    }

    @Test
    void anAlteredCheckInDeepInThePartnersOwnStreamIsNamed() {
        JdbcTemplate store = app.bean(JdbcTemplate.class);
        long sequence = 7_000;
        byte[] payload = store.queryForObject(
                "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                byte[].class,
                partner,
                sequence);
        String original = new String(payload, StandardCharsets.UTF_8);
        String altered = original.replace("\"POSITIVE\"", "\"NEGATIVE\"");
        assertThat(altered).isNotEqualTo(original);
        String update = "UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?";
        store.update(update, altered.getBytes(StandardCharsets.UTF_8), partner, sequence);
        try {
            JsonNode verified =
                    client.get("/api/audit/verify?partnerId=" + partner).json();
            assertThat(verified.get("verified").asBoolean()).isFalse();
            assertThat(verified.at("/firstMismatch/aggregateId").asText()).isEqualTo(partner);
            assertThat(verified.at("/firstMismatch/sequence").asLong()).isEqualTo(sequence);
        } finally {
            store.update(update, payload, partner, sequence);
        }
        assertThat(client.get("/api/audit/verify?partnerId=" + partner)
                        .json()
                        .get("verified")
                        .asBoolean())
                .isTrue();
    }

    private static JsonNode timed(String what, Supplier<PrmClient.Response> call) {
        call.get();
        long[] millis = new long[5];
        PrmClient.Response response = null;
        for (int i = 0; i < millis.length; i++) {
            long began = System.nanoTime();
            response = call.get();
            millis[i] = (System.nanoTime() - began) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%s over %d events: median %d ms (of 5, after one warm-up)%n", what, CHECK_INS, millis[2]);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private DomainEventMessage<?> checkIn(long sequence, Instant at) {
        CheckInRecorded event = new CheckInRecorded(
                partner,
                UUID.randomUUID().toString(),
                at.atZone(ZoneOffset.UTC).toLocalDate(),
                List.of("Ann"),
                "check-in " + (sequence - PrmClient.ACTIVATED_VERSION),
                Sentiment.POSITIVE,
                List.of(),
                at);
        return new GenericDomainEventMessage<>(
                "Partner",
                partner,
                sequence,
                event,
                Map.of(
                        PrmMetadata.ACTOR,
                        "loader",
                        PrmMetadata.CORRELATION_ID,
                        "long-history",
                        PrmMetadata.CAUSATION_ID,
                        "long-history"));
    }
}
