package io.sidecar.prm.security.personal;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class MongoDataKeyStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "prm");
    private final MongoDataKeyStore keys = new MongoDataKeyStore(mongo, Clock.fixed(NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aPartnersKeyIsCreatedOnceAndFoundByItsId() {
        DataKey created = keys.currentKey("p1");

        assertThat(keys.currentKey("p1")).isEqualTo(created);
        assertThat(keys.find(created.keyId())).contains(created);
        assertThat(created.secret()).hasSize(DataKey.LENGTH);
        assertThat(created.keyId()).startsWith("p1.");
        assertThat(keys.currentKey("p2").secret()).isNotEqualTo(created.secret());
    }

    @Test
    void firstWritesAtOnceEndWithOneKey() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Callable<DataKey> write = () -> {
                start.await();
                return new MongoDataKeyStore(mongo, Clock.systemUTC()).currentKey("p1");
            };
            List<Future<DataKey>> results = IntStream.range(0, writers)
                    .mapToObj(i -> pool.submit(write))
                    .toList();
            start.countDown();
            DataKey first = results.get(0).get();
            for (Future<DataKey> result : results) {
                assertThat(result.get()).isEqualTo(first);
            }
            assertThat(mongo.getCollection(MongoDataKeyStore.COLLECTION).countDocuments())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anErasedKeyIsGoneAndTheNextOneIsAnother() {
        DataKey erased = keys.currentKey("p1");

        keys.erase("p1");
        keys.erase("p1");

        assertThat(keys.find(erased.keyId())).isEmpty();
        DataKey next = keys.currentKey("p1");
        assertThat(next.keyId()).isNotEqualTo(erased.keyId());
        assertThat(keys.find(erased.keyId())).isEmpty();
    }

    @Test
    void aRepeatedErasureSparesAKeyCreatedAfterIt() {
        DataKey before = keys.currentKey("p1");
        keys.eraseCreatedUpTo("p1", NOW.minusSeconds(1));
        assertThat(keys.find(before.keyId())).as("created after the instant").contains(before);

        keys.eraseCreatedUpTo("p1", NOW);

        assertThat(keys.find(before.keyId())).isEmpty();
    }

    @Test
    void anUnknownOrMalformedKeyIdFindsNothing() {
        keys.currentKey("p1");

        assertThat(keys.find("p1.nope")).isEmpty();
        assertThat(keys.find("no-dot")).isEmpty();
        assertThat(keys.find(".x")).isEmpty();
    }
}
