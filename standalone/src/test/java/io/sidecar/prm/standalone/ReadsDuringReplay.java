package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reader that reads some answers of the read models over and over while they are rebuilt (API.md,
 * "Operations": the read model serves its old content until the rebuild has caught up, or says
 * {@code Warning: replaying}; never a half-built view without saying so). Every answer must either carry that
 * warning or be the answer the read model gave before the rebuild.
 *
 * <p>It starts reading only once the rebuilds have been started: a read that began before a reset may have been
 * told "not replaying" an instant before the reset emptied its collection.
 */
final class ReadsDuringReplay implements AutoCloseable {

    static final String REPLAYING = "110 - \"replaying\"";

    private final PrmClient client;
    private final Map<String, JsonNode> before = new LinkedHashMap<>();
    private final List<String> unmarkedAndDifferent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger warned = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread reader = new Thread(this::readUntilStopped, "reads-during-replay");

    /** Reads each path once as it is now: caught up, so without a warning. */
    ReadsDuringReplay(PrmClient client, List<String> paths) {
        this.client = client;
        for (String path : paths) {
            PrmClient.Response answer = client.get(path);
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.header("Warning")).as(path).isNull();
            before.put(path, answer.json());
        }
    }

    /** Keeps reading every path until closed. */
    void start() {
        reader.setDaemon(true);
        reader.start();
    }

    private void readUntilStopped() {
        while (!stop.get()) {
            before.forEach((path, expected) -> {
                PrmClient.Response answer;
                try {
                    answer = client.get(path);
                } catch (RuntimeException failed) {
                    unmarkedAndDifferent.add(path + " failed: " + failed);
                    return;
                }
                reads.incrementAndGet();
                String warning = answer.header("Warning");
                if (REPLAYING.equals(warning)) {
                    warned.incrementAndGet();
                } else if (answer.status() != 200 || !expected.equals(answer.json())) {
                    unmarkedAndDifferent.add(path + " answered " + answer.status() + ", Warning " + warning
                            + versions(expected, answer) + ": " + shortened(answer.body()));
                }
            });
        }
    }

    /** For a document with a version (a partner, a deal): the version answered and the one before. */
    private static String versions(JsonNode expected, PrmClient.Response answer) {
        if (answer.status() != 200 || !expected.has("version")) {
            return "";
        }
        return " (version " + answer.json().path("version") + ", before the replay " + expected.get("version") + ")";
    }

    private static String shortened(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /** How many answers were read while the reader ran. */
    int reads() {
        return reads.get();
    }

    /** How many of them said that their read model was being rebuilt. */
    int warned() {
        return warned.get();
    }

    /** The answers that differed from those before the rebuild without saying that it was being rebuilt. */
    List<String> unmarkedAndDifferent() {
        synchronized (unmarkedAndDifferent) {
            return List.copyOf(unmarkedAndDifferent);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        reader.join(30_000);
    }
}
