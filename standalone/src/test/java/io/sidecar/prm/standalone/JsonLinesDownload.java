package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An audit export in JSON Lines read as it arrives, line by line, never held whole: each entry checked (positions
 * rising, each stream's sequence numbers without a gap, a JSON payload, a hash), each stream's last sequence and
 * hash kept, and the trailer taken from the last line.
 */
final class JsonLinesDownload {

    /** Called as the download passes a line count; may take its time (the server then waits to write). */
    interface Milestone {
        void reached(long entries, long bytes) throws Exception;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> lastSequence = new HashMap<>();
    private final Map<String, String> lastHash = new HashMap<>();
    private long entries;
    private long bytes;
    private long lastPosition = -1;
    private JsonNode trailer;

    /** Reads the whole body, calling {@code milestone} every {@code every} entries. */
    static JsonLinesDownload read(InputStream body, long every, Milestone milestone) throws Exception {
        JsonLinesDownload download = new JsonLinesDownload();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                download.bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                assertThat(download.trailer).as("nothing after the trailer").isNull();
                JsonNode value = JSON.readTree(line);
                if (value.has("trailer")) {
                    download.trailer = value;
                } else {
                    download.entry(value);
                    if (download.entries % every == 0) {
                        milestone.reached(download.entries, download.bytes);
                    }
                }
            }
        }
        assertThat(download.trailer).as("the trailer line, last").isNotNull();
        return download;
    }

    private void entry(JsonNode entry) {
        long position = entry.get("position").asLong();
        assertThat(position).as("positions rise").isGreaterThan(lastPosition);
        lastPosition = position;
        String stream = entry.get("aggregateId").asText();
        long sequence = entry.get("sequence").asLong();
        assertThat(sequence)
                .as("the events of " + stream + " in order, none missing")
                .isEqualTo(lastSequence.getOrDefault(stream, -1L) + 1);
        assertThat(entry.get("payload").isObject()).as("the payload as JSON").isTrue();
        assertThat(entry.get("hash").asText()).matches("[0-9a-f]{64}");
        lastSequence.put(stream, sequence);
        lastHash.put(stream, entry.get("hash").asText());
        entries++;
    }

    long entries() {
        return entries;
    }

    /** The bytes read (UTF-8, line feeds included). */
    long bytes() {
        return bytes;
    }

    JsonNode trailer() {
        return trailer;
    }

    /** The sequence number of each stream's last exported event. */
    Map<String, Long> lastSequence() {
        return lastSequence;
    }

    /** The hash of each stream's last exported event. */
    Map<String, String> lastHash() {
        return lastHash;
    }
}
