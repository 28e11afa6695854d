package io.sidecar.prm.security.personal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A partner's data key: 256 bits that encrypt the partner's personal data in the event store. Its bytes never leave
 * the key store and the cipher: {@link #toString()} names the key, never shows it.
 *
 * @param partnerId the partner whose data it encrypts
 * @param keyId     its id, written beside every value it encrypted
 * @param secret    the AES key
 * @param createdAt when it was created
 */
public record DataKey(String partnerId, String keyId, byte[] secret, Instant createdAt) {

    /** The length of a key, in bytes (AES-256). */
    public static final int LENGTH = 32;

    public DataKey {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(keyId, "keyId");
        if (secret == null || secret.length != LENGTH) {
            throw new IllegalArgumentException("a data key has " + LENGTH + " bytes");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataKey key
                && partnerId.equals(key.partnerId)
                && keyId.equals(key.keyId)
                && Arrays.equals(secret, key.secret)
                && Objects.equals(createdAt, key.createdAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partnerId, keyId);
    }

    @Override
    public String toString() {
        return "DataKey[partnerId=" + partnerId + ", keyId=" + keyId + ", secret=<hidden>, createdAt=" + createdAt
                + "]";
    }
}
