package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.EventFeed.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live stream of integration events ({@code GET /api/events/stream}, Server-Sent Events): a consumer whose
 * connection drops while commands arrive reconnects with {@code Last-Event-ID} and misses nothing and gets nothing
 * twice (the feed is the reference); {@code after} starts a stream where a cursor points; an idle stream sends
 * heartbeat comments; a type filter applies; a malformed cursor is a problem before any stream starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStreamIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM = "/api/events/stream";

    @TempDir
    static Path dataDir;

    private final String run = "s" + UUID.randomUUID().toString().substring(0, 8);
    private RunningStandalone app;
    private PrmClient client;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir, "prm.integration.stream.heartbeat=200ms");
        client = app.client();
        client.onboard("Stream " + run + " first");
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aDroppedStreamResumesFromItsLastEventIdWithoutGapOrDuplicate() throws Exception {
        String start = EventFeed.end(client);
        ExecutorService producer = Executors.newSingleThreadExecutor();
        List<SseConnection.Event> seen = new ArrayList<>();
        try {
            Future<?> producing = producer.submit(() -> {
                for (int i = 0; i < 60; i++) {
                    client.onboard("Stream " + run + " live " + i);
                }
            });
            try (SseConnection first = SseConnection.open(app.port(), STREAM + "?after=" + encode(start), Map.of())) {
                seen.addAll(first.take(10, PATIENCE));
            }
            String lastSeen = seen.get(seen.size() - 1).id();
            // ten more events recorded that the consumer, away, has not seen
            await().atMost(PATIENCE)
                    .until(() -> EventFeed.readAll(client, start, 1000).events().size() >= 20);
            // the header wins over the query's cursor, which would repeat the first ten
            try (SseConnection second = SseConnection.open(
                    app.port(), STREAM + "?after=" + encode(start), Map.of("Last-Event-ID", lastSeen))) {
                producing.get(2, TimeUnit.MINUTES);
                List<String> expected = EventFeed.readAll(client, start, 1000).ids();
                assertThat(expected).hasSize(60);
                seen.addAll(second.take(expected.size() - seen.size(), PATIENCE));
                assertThat(seen.stream().map(EventStreamIT::eventId).toList()).containsExactlyElementsOf(expected);
            }
        } finally {
            producer.shutdownNow();
        }
        List<String> types = EventFeed.types(client);
        for (SseConnection.Event event : seen) {
            assertThat(event.id()).as("the cursor of " + event.data()).isNotBlank();
            assertThat(event.data()).as("one data line").doesNotContain("\n");
            EventFeed.assertCloudEvent(json(event), types);
        }
    }

    @Test
    void aStreamStartsRightAfterTheCursorItIsGivenAndItsIdsAreFeedCursors() {
        String mark = EventFeed.end(client);
        for (int i = 0; i < 5; i++) {
            client.onboard("Stream " + run + " after " + i);
        }
        List<String> recorded = EventFeed.readAll(client, mark, 1000).ids();
        assertThat(recorded).hasSize(5);

        List<SseConnection.Event> fromMark;
        try (SseConnection stream = SseConnection.open(app.port(), STREAM + "?after=" + encode(mark), Map.of())) {
            fromMark = stream.take(5, PATIENCE);
        }
        assertThat(fromMark.stream().map(EventStreamIT::eventId).toList()).containsExactlyElementsOf(recorded);

        String afterSecond = fromMark.get(1).id();
        try (SseConnection stream =
                SseConnection.open(app.port(), STREAM + "?after=" + encode(afterSecond), Map.of())) {
            assertThat(stream.take(3, PATIENCE).stream()
                            .map(EventStreamIT::eventId)
                            .toList())
                    .containsExactlyElementsOf(recorded.subList(2, 5));
        }
        assertThat(EventFeed.readAll(client, afterSecond, 1000).ids())
                .containsExactlyElementsOf(recorded.subList(2, 5));
    }

    @Test
    void aStreamWithoutACursorStartsAtTheFirstEvent() {
        String first = EventFeed.page(client, null, 1).ids().get(0);

        try (SseConnection stream = SseConnection.open(app.port(), STREAM, Map.of())) {
            assertThat(eventId(stream.take(1, PATIENCE).get(0))).isEqualTo(first);
        }
    }

    @Test
    void anIdleStreamSendsHeartbeats() {
        try (SseConnection stream =
                SseConnection.open(app.port(), STREAM + "?after=" + encode(EventFeed.end(client)), Map.of())) {
            stream.awaitComment("heartbeat", Duration.ofSeconds(5));
            stream.awaitComment("heartbeat", Duration.ofSeconds(5));
            assertThat(stream.ended()).isFalse();
        }
    }

    @Test
    void aStreamFilteredByTypeCarriesOnlyThatType() {
        String partner = client.activePartner("Stream " + run + " typed");
        String mark = EventFeed.end(client);
        try (SseConnection stream = SseConnection.open(
                app.port(), STREAM + "?after=" + encode(mark) + "&type=" + Webhooks.PARTNER_ONBOARDED, Map.of())) {
            int year = LocalDate.now(ZoneOffset.UTC).getYear() + 1;
            assertThat(client.put("/api/partners/" + partner + "/goals/" + year + "-Q1", TestBodies.goal("1000", 1))
                            .status())
                    .isEqualTo(200);
            String onboarded = client.onboard("Stream " + run + " typed later");

            JsonNode event = json(stream.take(1, PATIENCE).get(0));
            assertThat(event.get("type").asText()).isEqualTo(Webhooks.PARTNER_ONBOARDED);
            assertThat(event.get("subject").asText()).isEqualTo(onboarded);
        }
    }

    @Test
    void aMalformedCursorIsAProblemBeforeAnyStreamStarts() {
        for (Map<String, String> headers : List.of(
                Map.of("Accept", "text/event-stream"),
                Map.of("Accept", "text/event-stream", "Last-Event-ID", "garbage"))) {
            String path = STREAM + (headers.containsKey("Last-Event-ID") ? "" : "?after=garbage");
            PrmClient.Response refused = client.get(path, headers);

            assertThat(refused.status()).as(headers + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(headers.toString()).startsWith("application/problem+json");
        }
    }

    private static String eventId(SseConnection.Event event) {
        return json(event).get("id").asText();
    }

    private static JsonNode json(SseConnection.Event event) {
        try {
            return JSON.readTree(event.data());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + event.data(), e);
        }
    }
}
