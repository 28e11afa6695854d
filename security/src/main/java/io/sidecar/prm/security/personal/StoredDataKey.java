package io.sidecar.prm.security.personal;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/**
 * A partner's data key as {@code personal_data_keys} holds it.
 *
 * @param partnerId the partner, the document's id
 * @param keyId     the key's id
 * @param secret    the key's bytes
 * @param createdAt when it was created
 */
record StoredDataKey(@Id String partnerId, String keyId, byte[] secret, Instant createdAt) {

    DataKey key() {
        return new DataKey(partnerId, keyId, secret, createdAt);
    }

    @Override
    public String toString() {
        return key().toString();
    }
}
