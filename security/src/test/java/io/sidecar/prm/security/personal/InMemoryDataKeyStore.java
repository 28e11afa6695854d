package io.sidecar.prm.security.personal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Data keys in a map, for tests: one current key per partner, as {@link MongoDataKeyStore} keeps them. */
final class InMemoryDataKeyStore implements DataKeyStore {

    private final Map<String, DataKey> keys = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private int created;

    @Override
    public DataKey currentKey(String partnerId) {
        return keys.computeIfAbsent(partnerId, id -> {
            byte[] secret = new byte[DataKey.LENGTH];
            random.nextBytes(secret);
            created++;
            return new DataKey(id, id + ".k" + created, secret, Instant.now());
        });
    }

    @Override
    public Optional<DataKey> find(String keyId) {
        return keys.values().stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    @Override
    public void erase(String partnerId) {
        keys.remove(partnerId);
    }

    @Override
    public void eraseCreatedUpTo(String partnerId, Instant upTo) {
        keys.computeIfPresent(partnerId, (id, key) -> key.createdAt().isAfter(upTo) ? key : null);
    }

    boolean holdsKeyOf(String partnerId) {
        return keys.containsKey(partnerId);
    }
}
