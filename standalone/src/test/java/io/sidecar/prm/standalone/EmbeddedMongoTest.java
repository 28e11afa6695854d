package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.sidecar.prm.query.readmodel.ReadModelDurability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded read-model store persists whole batches at its periodic checkpoints, never a batch in progress:
 * what a crash leaves on disk. The crash is played by copying the file while the server runs and opening the copy:
 * what a process killed at that moment would find.
 */
class EmbeddedMongoTest {

    @TempDir
    Path dir;

    private final AtomicInteger copies = new AtomicInteger();

    @Test
    void writesReachTheFileAtTheCheckpointAfterTheirBatchAndNotBefore() {
        Path file = dir.resolve("read-models.mv.db");
        try (EmbeddedMongo mongo = new EmbeddedMongo(file, "127.0.0.1", 0, Duration.ofMillis(20));
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            ReadModelDurability durability = mongo.durability();
            MongoCollection<Document> partners = client.getDatabase("prm").getCollection("partners");

            durability.write(() -> partners.insertOne(new Document("_id", "p-1").append("name", "Acme")));
            assertThat(onDisk(file)).doesNotContain("p-1");

            durability.checkpoint();
            await().untilAsserted(() -> assertThat(onDisk(file)).contains("p-1"));
        }
    }

    @Test
    void aCheckpointWaitsForTheWriteInProgress() throws Exception {
        Path file = dir.resolve("read-models.mv.db");
        try (EmbeddedMongo mongo = new EmbeddedMongo(file, "127.0.0.1", 0, Duration.ofMillis(20));
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            ReadModelDurability durability = mongo.durability();
            MongoCollection<Document> partners = client.getDatabase("prm").getCollection("partners");
            CountDownLatch halfWritten = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> durability.write(() -> {
                partners.insertOne(new Document("_id", "p-2").append("name", "Globex"));
                halfWritten.countDown();
                awaitLatch(finish);
                partners.insertOne(new Document("_id", "p-3").append("name", "Initech"));
            }));
            halfWritten.await();
            durability.checkpoint();
            await().until(mongo::checkpointWaiting);
            assertThat(onDisk(file)).doesNotContain("p-2");

            finish.countDown();
            batch.get();
            durability.checkpoint();
            await().untilAsserted(() -> assertThat(onDisk(file)).contains("p-2", "p-3"));
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every key and value the file holds now, read from a copy of it (the live file is locked). */
    private String onDisk(Path file) {
        Path copy = dir.resolve("copy-" + copies.incrementAndGet() + ".mv.db");
        try {
            Files.copy(file, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store =
                new MVStore.Builder().fileName(copy.toString()).readOnly().open();
        try {
            StringBuilder everything = new StringBuilder();
            for (String map : store.getMapNames()) {
                store.openMap(map)
                        .forEach((key, value) ->
                                everything.append(key).append(value).append('\n'));
            }
            return everything.toString();
        } finally {
            store.close();
        }
    }
}
