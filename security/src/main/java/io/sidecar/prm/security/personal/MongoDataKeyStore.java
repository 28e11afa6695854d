package io.sidecar.prm.security.personal;

import io.sidecar.prm.security.DurableWrites;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The data keys in MongoDB ({@code personal_data_keys}), one document per partner keyed by the partner's id, which
 * holds its current key. A key's id is the partner's id, a dot and a random suffix, so a key is found by the
 * document's {@code _id} (the one index every MongoDB has) and a key created after an erasure never shares the id
 * of the erased one. Creation is an insert with that {@code _id}: of two first writes the second fails on the
 * duplicate and reads the first's key.
 */
@Component
class MongoDataKeyStore implements DataKeyStore {

    static final String COLLECTION = "personal_data_keys";
    private static final int KEY_ID_SUFFIX_BYTES = 9;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final DurableWrites durable;

    @Autowired
    MongoDataKeyStore(MongoTemplate mongo, Clock clock, ObjectProvider<DurableWrites> durable) {
        this.mongo = mongo;
        this.clock = clock;
        this.durable = durable.getIfAvailable(() -> DurableWrites.IMMEDIATE);
    }

    MongoDataKeyStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.durable = DurableWrites.IMMEDIATE;
    }

    @Override
    public DataKey currentKey(String partnerId) {
        StoredDataKey stored = mongo.findById(partnerId, StoredDataKey.class, COLLECTION);
        if (stored != null) {
            return stored.key();
        }
        StoredDataKey created = newKey(partnerId);
        try {
            // durable before the event that holds the sealed values is stored: else a crash loses the contact
            durable.run(() -> mongo.insert(created, COLLECTION));
            return created.key();
        } catch (DuplicateKeyException anotherWriterWasFirst) {
            StoredDataKey first = mongo.findById(partnerId, StoredDataKey.class, COLLECTION);
            if (first == null) {
                throw new IllegalStateException("the data key of partner " + partnerId
                        + " was erased while it was being created; the write is refused");
            }
            return first.key();
        }
    }

    @Override
    public Optional<DataKey> find(String keyId) {
        int dot = keyId.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(keyId.substring(0, dot), StoredDataKey.class, COLLECTION))
                .filter(stored -> stored.keyId().equals(keyId))
                .map(StoredDataKey::key);
    }

    @Override
    public void erase(String partnerId) {
        durable.run(() -> mongo.remove(Query.query(Criteria.where("_id").is(partnerId)), COLLECTION));
    }

    @Override
    public void eraseCreatedUpTo(String partnerId, Instant upTo) {
        durable.run(() -> mongo.remove(
                Query.query(Criteria.where("_id").is(partnerId).and("createdAt").lte(upTo)), COLLECTION));
    }

    private StoredDataKey newKey(String partnerId) {
        byte[] secret = new byte[DataKey.LENGTH];
        random.nextBytes(secret);
        byte[] suffix = new byte[KEY_ID_SUFFIX_BYTES];
        random.nextBytes(suffix);
        String keyId = partnerId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(suffix);
        // to the millisecond, as MongoDB keeps it: the key answered is the key stored
        return new StoredDataKey(partnerId, keyId, secret, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
