package io.sidecar.prm.security.personal;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the partners' data keys live, apart from the events they encrypt (docs/adr/012). No implementation may
 * cache keys: an erasure takes effect for every reader at once, in every process. A key management service replaces
 * {@link MongoDataKeyStore} by implementing this interface as a {@code @Primary} bean.
 */
public interface DataKeyStore {

    /**
     * The partner's current key, created on first use. Two first uses at once, in one process or in two, end with
     * one key that both use.
     */
    DataKey currentKey(String partnerId);

    /** The key with this id, or empty when there is none (never created, or erased). */
    Optional<DataKey> find(String keyId);

    /** Erases every key of the partner: what they encrypted is unreadable from then on. Idempotent. */
    void erase(String partnerId);

    /**
     * Erases the partner's keys created at or before {@code upTo}, sparing a key created after an erasure (the
     * contact given afterwards). For a repeated erasure of an erasure recorded at {@code upTo}. Idempotent.
     */
    void eraseCreatedUpTo(String partnerId, Instant upTo);
}
