package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged product under a load of concurrent commands is killed with {@code kill -9}. After a restart every
 * acknowledged command is in the event store and visible in the read models, and the read models equal a rebuild
 * from the event store.
 */
class CrashIT {

    private static final int CLIENTS = 8;
    private static final int ACKS_BEFORE_KILL = 200;
    private static final int MAX_COMMANDS_PER_CLIENT = 400;

    @TempDir
    Path dataDir;
    /** The processes' logs stay in the build directory, for a person to read when this test fails. */
    private final Path logs = Path.of("target", "crash-it-logs", String.valueOf(System.currentTimeMillis()));

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, String> dealPartners = new ConcurrentHashMap<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();

    @Test
    void acknowledgedCommandsSurviveKillNineAndTheReadModelsEqualARebuild() throws Exception {
        Files.createDirectories(logs);
        try (StandaloneProcess app = StandaloneProcess.start(dataDir, logs.resolve("1-before-kill.log"))) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            AtomicBoolean stop = new AtomicBoolean();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> drive(app.client(), client, stop));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acks.get() >= ACKS_BEFORE_KILL);
            app.kill();
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serverErrors.get()).as("5xx answers under load").isZero();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        Map<String, Long> stored = storedStreams();
        acknowledged.forEach((id, version) -> assertThat(stored.get(id))
                .as("events of acknowledged aggregate " + id)
                .isNotNull()
                .isGreaterThanOrEqualTo(version));
        long dealsStored = countDeals();

        List<Document> live;
        try (StandaloneProcess app = StandaloneProcess.start(dataDir, logs.resolve("2-after-kill.log"))) {
            // first every stored event reaches the read models (a lost one times this out), then every
            // acknowledged command is visible at its version through the API
            live = caughtUpReadModels(app, stored.size() - dealsStored, dealsStored);
            PrmClient client = app.client();
            acknowledged.forEach((id, version) -> {
                String path = (dealPartners.containsKey(id) ? "/api/deals/" : "/api/partners/") + id;
                PrmClient.Response response = client.get(path + "?minVersion=" + version);
                assertThat(response.status()).as(path).isEqualTo(200);
                assertThat(response.header("Warning")).as(path).isNull();
            });
            app.stop(Duration.ofSeconds(60));
        }

        // the read models lost (not the keys and users the same file holds: ReadModelFile)
        ReadModelFile.dropRebuildable(dataDir);
        try (StandaloneProcess rebuilt = StandaloneProcess.start(dataDir, logs.resolve("3-rebuild.log"))) {
            List<Document> rebuiltModels = caughtUpReadModels(rebuilt, stored.size() - dealsStored, dealsStored);
            assertThat(rebuiltModels).hasSameSizeAs(live);
            for (int i = 0; i < live.size(); i++) {
                assertThat(rebuiltModels.get(i)).as("rebuilt document %s", i).isEqualTo(live.get(i));
            }
            rebuilt.stop(Duration.ofSeconds(60));
        }
    }

    private void drive(PrmClient client, int number, AtomicBoolean stop) {
        String partnerId = null;
        for (int i = 0; i < MAX_COMMANDS_PER_CLIENT && !stop.get(); i++) {
            try {
                PrmClient.Response response = partnerId == null || i % 4 == 0
                        ? client.post("/api/partners", TestBodies.partner("Crash " + number + "-" + i))
                        : client.post(
                                "/api/deals",
                                TestBodies.deal(partnerId, "c" + number + "-" + i + ".example", (i + 1) + ".25"));
                if (response.status() >= 500) {
                    serverErrors.incrementAndGet();
                }
                if (response.status() == 201) {
                    String id = response.json().get("id").asText();
                    acknowledged.put(id, response.json().get("version").asLong());
                    acks.incrementAndGet();
                    if (response.header("Location").startsWith("/api/deals/")) {
                        dealPartners.put(id, partnerId);
                    } else {
                        partnerId = activated(client, id) ? id : null;
                    }
                }
            } catch (RuntimeException connectionLost) {
                return;
            }
        }
    }

    /** Activates a new partner (deals are registered only for an ACTIVE one); whether that was acknowledged. */
    private boolean activated(PrmClient client, String partnerId) {
        PrmClient.Response response = client.completeOnboardingAndActivate(partnerId);
        if (response.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        if (response.status() != 200) {
            return false;
        }
        // a later version of an aggregate already acknowledged: not counted in acks, which count aggregates
        acknowledged.put(partnerId, response.json().get("version").asLong());
        return true;
    }

    /** Waits until the read models hold every stored partner and deal, then returns them all, sorted by id. */
    private static List<Document> caughtUpReadModels(StandaloneProcess app, long partners, long deals) {
        try (MongoClient mongo = MongoClients.create(app.mongoUri())) {
            MongoDatabase db = mongo.getDatabase("prm");
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> db.getCollection("partners").countDocuments() == partners
                            && db.getCollection("deals").countDocuments() == deals
                            && sumOpenDeals(db) == deals);
            List<Document> all = new ArrayList<>();
            db.getCollection("partners").find().sort(new Document("_id", 1)).into(all);
            db.getCollection("deals").find().sort(new Document("_id", 1)).into(all);
            return all;
        }
    }

    private static long sumOpenDeals(MongoDatabase db) {
        long sum = 0;
        for (Document partner : db.getCollection("partners").find()) {
            sum += partner.getInteger("openDeals", 0);
        }
        return sum;
    }

    private Connection eventStore() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("events"), "sa", "");
    }

    /** Each stored aggregate stream's length (the version its last command answered). */
    private Map<String, Long> storedStreams() throws SQLException {
        Map<String, Long> streams = new HashMap<>();
        try (Connection connection = eventStore();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT aggregateIdentifier, MAX(sequenceNumber) + 1 "
                        + "FROM DomainEventEntry GROUP BY aggregateIdentifier")) {
            while (rows.next()) {
                streams.put(rows.getString(1), rows.getLong(2));
            }
        }
        return streams;
    }

    private long countDeals() throws SQLException {
        try (Connection connection = eventStore();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%DealRecorded'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
