package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit export of a long history from the packaged product running on a heap smaller than the export: a partner
 * of {@value #EVENTS} events (about 130 MiB of JSON Lines) streams out completely, every line parses, the trailer's
 * heads are the audit log's and each stream's last exported hash, and the heap held after a full collection does
 * not grow while the download runs. The product's async request timeout is 1 s, which the download outlasts. (CSV
 * and the refusals: {@link AuditExportCsvIT}.)
 *
 * <p>The history is written straight into the event store, then recorded by the product's own audit log on a first
 * start with the usual heap (catching up 100,000 events takes more memory than serving them); the export runs on
 * a second start with the small heap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportIT {

    static final int EVENTS = 100_000;
    /** The product's whole heap: less than the export, so that holding the export in memory could not succeed. */
    private static final long HEAP_MIB = 128;
    /** How much the heap held after a full collection may grow while some 100 MiB more stream out. */
    private static final long FLAT_MIB = 24;

    /** The audit log's first recording of them took up to 5 minutes on 2 cores shared with other builds. */
    private static final Duration CATCH_UP = Duration.ofMinutes(10);

    private static final String EXPORT = "/api/audit/export?partnerId=";

    @TempDir
    static Path dataDir;

    private final Path logs = Path.of("target", "audit-export-it-logs", String.valueOf(System.currentTimeMillis()));
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private LongHistory.Written history;
    private StandaloneProcess app;
    private PrmClient client;

    @BeforeAll
    void loadRecordAndRestartOnASmallHeap() throws Exception {
        Files.createDirectories(logs);
        long start = System.nanoTime();
        history = LongHistory.write(dataDir, EVENTS);
        figures.put("events appended to the store (s)", seconds(start));

        try (StandaloneProcess recording = StandaloneProcess.start(dataDir, logs.resolve("1-recording.log"))) {
            start = System.nanoTime();
            PrmClient recorder = recording.client();
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> lag(recorder, "audit-log") == 0);
            figures.put("audit log recorded them (s)", seconds(start));
            recorder.awaitCaughtUp(CATCH_UP);
            figures.put("every processor caught up (s)", seconds(start));
            recording.stop(Duration.ofSeconds(60));
        }

        app = StandaloneProcess.start(
                dataDir,
                logs.resolve("2-export.log"),
                List.of("-Xmx" + HEAP_MIB + "m", "-XX:+ExitOnOutOfMemoryError"),
                "--spring.mvc.async.request-timeout=1s");
        client = app.client();
        client.awaitCaughtUp(Duration.ofMinutes(1));
    }

    @AfterAll
    void stop() throws Exception {
        System.out.println("AuditExportIT figures: " + figures);
        Files.writeString(logs.resolve("figures.txt"), figures.toString());
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aHundredThousandEventsStreamOutCompleteWhileTheHeapStaysFlat() throws Exception {
        HeapProbe heap = new HeapProbe(app, client);
        figures.put("heap held before the export (MiB)", heap.liveMib());
        List<Long> held = new ArrayList<>();
        List<Long> streamed = new ArrayList<>();
        long start = System.nanoTime();
        heap.sampleEvery(Duration.ofMillis(250));
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + EXPORT + history.partnerId()))
                                .header("Authorization", PrmClient.ADMIN_AUTHORIZATION)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-ndjson");
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"partner-" + history.partnerId() + "-history.jsonl\"");
        // the heap after a full collection at 10 %, 40 % and 70 % of the download, the server waiting meanwhile
        JsonLinesDownload download = JsonLinesDownload.read(response.body(), EVENTS / 10, (entries, bytes) -> {
            if (entries % (3 * EVENTS / 10) == EVENTS / 10 && entries < EVENTS) {
                held.add(heap.liveMib());
                streamed.add(bytes >> 20);
            }
        });
        double seconds = seconds(start);
        heap.stopSampling();

        figures.put("export (s)", seconds);
        figures.put("export lines/s", Math.round(EVENTS / seconds));
        figures.put("export MiB", download.bytes() >> 20);
        figures.put("heap held at 10/40/70 % (MiB)", held);
        figures.put("streamed by then (MiB)", streamed);
        figures.put("heap in use, highest sample (MiB)", heap.highestUsedMib());
        assertThat(app.isAlive())
                .as("the product is alive (it exits on OutOfMemoryError)")
                .isTrue();
        assertThat(Files.readString(logs.resolve("2-export.log"))).doesNotContain("OutOfMemoryError");
        assertThat(download.entries()).isEqualTo(EVENTS);
        assertThat(download.bytes() >> 20)
                .as("the export is larger than the product's heap")
                .isGreaterThan(HEAP_MIB);
        assertThat(seconds).as("the download outlasts the 1 s async timeout").isGreaterThan(1.0);
        assertThat(held).hasSize(3);
        assertThat(held.subList(1, 3))
                .as("heap held at 40 and 70 %% of the download, against %s MiB at 10 %%", held.get(0))
                .allSatisfy(mib -> assertThat(mib).isLessThan(held.get(0) + FLAT_MIB));

        JsonNode trailer = download.trailer();
        assertThat(trailer.get("trailer").asBoolean()).isTrue();
        assertThat(trailer.get("partnerId").asText()).isEqualTo(history.partnerId());
        assertThat(trailer.get("entries").asLong()).isEqualTo(EVENTS);
        assertThat(trailer.get("heads")).hasSize(1 + LongHistory.DEALS);
        Map<String, Document> recorded = recordedHeads();
        for (JsonNode head : trailer.get("heads")) {
            String stream = head.get("aggregateId").asText();
            assertThat(head.get("sequence").asLong())
                    .as("the last sequence of " + stream)
                    .isEqualTo(history.streams().get(stream) - 1)
                    .isEqualTo(download.lastSequence().get(stream));
            assertThat(head.get("hash").asText())
                    .as("the head of " + stream)
                    .isEqualTo(download.lastHash().get(stream))
                    .isEqualTo(recorded.get(stream).getString("hash"));
        }
    }

    /** The heads the audit log holds ({@code audit_partners}), by stream. */
    private Map<String, Document> recordedHeads() {
        try (MongoClient mongo = MongoClients.create(app.mongoUri())) {
            Document partner = mongo.getDatabase("prm")
                    .getCollection("audit_partners")
                    .find(new Document("_id", history.partnerId()))
                    .first();
            assertThat(partner).isNotNull();
            Map<String, Document> heads = new HashMap<>();
            partner.getList("streams", Document.class).forEach(head -> heads.put(head.getString("aggregateId"), head));
            return heads;
        }
    }

    private String base() {
        return "http://127.0.0.1:" + app.port();
    }

    private static long lag(PrmClient client, String processor) {
        for (JsonNode status : client.get("/api/admin/processors").json()) {
            if (status.get("name").asText().equals(processor)) {
                return status.get("lag").asLong();
            }
        }
        throw new AssertionError("no processor " + processor);
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
    }
}
