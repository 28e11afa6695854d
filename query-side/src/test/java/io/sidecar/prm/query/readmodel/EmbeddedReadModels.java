package io.sidecar.prm.query.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.axonframework.common.transaction.Transaction;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The read-model store on the embedded MongoDB wire server (its H2 backend, in memory) with the batches the
 * projections' processors write in, for projection tests that deliver events the way a processor does.
 */
public final class EmbeddedReadModels implements AutoCloseable {

    private final MongoServer server = new MongoServer(H2Backend.inMemory());
    private final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    private final MongoTemplate mongo = new MongoTemplate(client, "prm");
    private final ReadModelStore store =
            new ReadModelStore(mongo, ReadModelDurability.IMMEDIATE, new ReadModelUpdates());
    private final ReadModelTransactionManager batches =
            new ReadModelTransactionManager(mongo, new ReadModelUpdates(), ReadModelDurability.IMMEDIATE);

    public MongoTemplate mongo() {
        return mongo;
    }

    public ReadModelStore store() {
        return store;
    }

    /** Runs the deliveries as one processor batch: the documents are written when it commits. */
    public void inOneBatch(Runnable deliveries) {
        Transaction batch = batches.startTransaction();
        try {
            deliveries.run();
        } catch (RuntimeException | Error failed) {
            batch.rollback();
            throw failed;
        }
        batch.commit();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
