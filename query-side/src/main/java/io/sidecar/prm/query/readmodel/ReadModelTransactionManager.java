package io.sidecar.prm.query.readmodel;

import java.util.Optional;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The "transaction" of an event processor's batch: it collects the projections' writes and, at commit, writes
 * them in bulk and only then stores the processor's token (see {@link DeferredTokenStore}). MongoDB gives us no
 * transaction across the two, so the order is what keeps a crash from recording a token past unwritten changes;
 * after a crash the batch is replayed and the idempotent projections skip what they already applied.
 */
public class ReadModelTransactionManager implements TransactionManager {

    private static final ThreadLocal<ReadModelBatch> CURRENT = new ThreadLocal<>();

    private final MongoTemplate mongo;
    private final ReadModelUpdates updates;
    private final ReadModelDurability durability;

    public ReadModelTransactionManager(MongoTemplate mongo, ReadModelUpdates updates, ReadModelDurability durability) {
        this.mongo = mongo;
        this.updates = updates;
        this.durability = durability;
    }

    /**
     * Registers a processing group whose handlers write read-model documents: its batches go through this
     * transaction manager, and a handler's error rolls the batch back to be retried instead of being logged and
     * skipped, which would leave the read model short of an event.
     */
    public EventProcessingConfigurer writes(EventProcessingConfigurer processing, String group) {
        return processing
                .registerTransactionManager(group, config -> this)
                .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance());
    }

    @Override
    public Transaction startTransaction() {
        if (CURRENT.get() != null) {
            return NESTED;
        }
        ReadModelBatch batch = new ReadModelBatch();
        CURRENT.set(batch);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    boolean changed = batch.hasWrites();
                    durability.write(() -> batch.flush(mongo));
                    if (changed) {
                        durability.checkpoint();
                        updates.changed();
                    }
                } finally {
                    CURRENT.remove();
                }
            }

            @Override
            public void rollback() {
                CURRENT.remove();
            }
        };
    }

    static Optional<ReadModelBatch> currentBatch() {
        return Optional.ofNullable(CURRENT.get());
    }

    private static final Transaction NESTED = new Transaction() {
        @Override
        public void commit() {
            // the outer transaction writes
        }

        @Override
        public void rollback() {
            // the outer transaction decides
        }
    };
}
