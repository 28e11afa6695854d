package io.sidecar.prm.query.readmodel;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Loads a read-model document, lets a pure fold change it, and hands it to the batch being written; skips events
 * the document has already folded. Outside an event processor's batch (tests, tools) it writes at once.
 */
public class ReadModelStore {

    private final MongoTemplate mongo;
    private final ReadModelDurability durability;
    private final ReadModelUpdates updates;

    public ReadModelStore(MongoTemplate mongo, ReadModelDurability durability, ReadModelUpdates updates) {
        this.mongo = mongo;
        this.durability = durability;
        this.updates = updates;
    }

    /**
     * Deletes every document of a read model, for a rebuild from the first event (a projection's reset handler).
     * The documents are removed, not the collection dropped, so the indexes declared on the type stay.
     */
    public void clear(Class<? extends ReadModel> type) {
        durability.write(() -> mongo.remove(new Query(), type));
        durability.checkpoint();
        updates.changed();
    }

    /**
     * Folds one event into the document with the given id, unless the document has folded it already.
     *
     * @param type  the document type
     * @param id    the document's id
     * @param event the event, for its aggregate and sequence number
     * @param fold  the change: receives the current document, or {@code null} when there is none yet
     */
    public <T extends ReadModel> void update(
            Class<T> type, String id, DomainEventMessage<?> event, UnaryOperator<T> fold) {
        T current = current(type, id).orElse(null);
        if (current != null && current.appliedVersion(event.getAggregateIdentifier()) > event.getSequenceNumber()) {
            return;
        }
        T next = fold.apply(current);
        if (next != null) {
            put(type, next);
        }
    }

    /** The document as this batch left it so far, else as stored. */
    public <T extends ReadModel> Optional<T> current(Class<T> type, String id) {
        return ReadModelTransactionManager.currentBatch()
                .flatMap(b -> b.pending(type, id))
                .or(() -> Optional.ofNullable(mongo.findById(id, type)));
    }

    /** Writes a whole document (replacing one with its id) with the batch, or at once outside a batch. */
    public <T extends ReadModel> void put(Class<T> type, T document) {
        Optional<ReadModelBatch> batch = ReadModelTransactionManager.currentBatch();
        if (batch.isPresent()) {
            batch.get().put(type, document);
        } else {
            mongo.save(document);
        }
    }
}
