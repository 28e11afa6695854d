package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The embedded store's read-model file, opened by a test while the product is down. Besides the read models, their
 * tokens and the audit log, which are rebuilt from the event store, it holds what is not: users, personal-data keys,
 * idempotency records, webhook subscriptions. Losing the file would lose those too (without its keys every contact
 * reads erased, ADR 012), so a test that "loses the read models" drops what is rebuilt and keeps the rest.
 */
final class ReadModelFile {

    /** What the read-model file holds that is not rebuilt from the event store. */
    static final Set<String> KEPT =
            Set.of("users", "personal_data_keys", "idempotency_keys", "webhook_subscriptions", "webhook_deliveries");

    private ReadModelFile() {}

    /** Drops every collection the event store rebuilds (read models, tokens, audit log) from {@code dataDir}'s file. */
    static void dropRebuildable(Path dataDir) throws Exception {
        try (EmbeddedMongo file = new EmbeddedMongo(
                        dataDir.resolve(EmbeddedStoresConfiguration.READ_MODEL_FILE),
                        "127.0.0.1",
                        0,
                        Duration.ofSeconds(1));
                MongoClient client = MongoClients.create(file.connectionString())) {
            MongoDatabase database = client.getDatabase("prm");
            List<String> dropped = new ArrayList<>();
            for (String collection : database.listCollectionNames()) {
                if (!KEPT.contains(collection)) {
                    database.getCollection(collection).drop();
                    dropped.add(collection);
                }
            }
            assertThat(dropped).contains("trackingtokens", "partners", "deals");
            file.durability().checkpoint();
        }
    }
}
