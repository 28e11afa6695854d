package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.sidecar.prm.query.readmodel.ReadModelDurability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded read-model store persists exactly what was written before a checkpoint: what a crash after the
 * checkpoint leaves on disk. The crash is played by copying the file while the server runs and opening the copy:
 * what a process killed at that moment would find.
 */
class EmbeddedMongoTest {

    @TempDir
    Path dir;

    @Test
    void writesReachTheFileAtACheckpointAndNotBefore() {
        Path file = dir.resolve("read-models.mv.db");
        try (EmbeddedMongo mongo = new EmbeddedMongo(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            ReadModelDurability durability = mongo.durability();
            MongoCollection<Document> partners = client.getDatabase("prm").getCollection("partners");

            durability.write(() -> partners.insertOne(new Document("_id", "p-1").append("name", "Acme")));
            assertThat(onDisk(file, "1")).doesNotContain("p-1");

            durability.checkpoint();
            assertThat(onDisk(file, "2")).contains("p-1");

            durability.write(() -> partners.insertOne(new Document("_id", "p-2").append("name", "Globex")));
            assertThat(onDisk(file, "3")).contains("p-1").doesNotContain("p-2");
        }
    }

    @Test
    void aCheckpointInsideAWriteIsRefusedRatherThanWaitingForever() {
        try (EmbeddedMongo mongo = new EmbeddedMongo(dir.resolve("read-models.mv.db"), "127.0.0.1", 0)) {
            ReadModelDurability durability = mongo.durability();

            assertThatThrownBy(() -> durability.write(durability::checkpoint))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /** Every key and value the file holds now, read from a copy of it (the live file is locked). */
    private String onDisk(Path file, String copyName) {
        Path copy = dir.resolve("copy-" + copyName + ".mv.db");
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
