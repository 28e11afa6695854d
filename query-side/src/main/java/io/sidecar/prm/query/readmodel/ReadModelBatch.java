package io.sidecar.prm.query.readmodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The documents one batch of events changed, merged per document, written at the end of the batch with one
 * unordered bulk write per collection; then whatever must follow the writes (the processor's token).
 */
final class ReadModelBatch {

    private final Map<Class<?>, Map<String, ReadModel>> pending = new LinkedHashMap<>();
    private final List<Runnable> afterWrites = new ArrayList<>();

    @SuppressWarnings("unchecked")
    <T extends ReadModel> Optional<T> pending(Class<T> type, String id) {
        return Optional.ofNullable((T) pending.getOrDefault(type, Map.of()).get(id));
    }

    <T extends ReadModel> void put(Class<T> type, T document) {
        pending.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(document.id(), document);
    }

    void afterWrites(Runnable action) {
        afterWrites.add(action);
    }

    boolean hasWrites() {
        return pending.values().stream().anyMatch(documents -> !documents.isEmpty());
    }

    void flush(MongoTemplate mongo) {
        pending.forEach((type, documents) -> {
            if (documents.isEmpty()) {
                return;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type);
            documents.forEach((id, document) -> bulk.replaceOne(
                    Query.query(Criteria.where("_id").is(id)),
                    document,
                    FindAndReplaceOptions.options().upsert()));
            bulk.execute();
        });
        pending.clear();
        afterWrites.forEach(Runnable::run);
        afterWrites.clear();
    }
}
