package io.sidecar.prm.security.idempotency;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One caller's use of one {@code Idempotency-Key} ({@code idempotency_keys}): claimed while its request runs, then
 * the answer to replay. Holds a fingerprint of the request, never the request itself.
 *
 * @param id          the caller and the key ({@link Idempotency#id})
 * @param fingerprint SHA-256 of the request's method, path, query, content type and body
 * @param completed   false while the first request is still running
 * @param createdAt   when the key was claimed
 * @param status      the answer's status, once completed
 * @param contentType its {@code Content-Type}
 * @param location    its {@code Location}
 * @param body        its body
 */
@Document("idempotency_keys")
record StoredKey(
        @Id String id,
        String fingerprint,
        boolean completed,
        Instant createdAt,
        Integer status,
        String contentType,
        String location,
        String body) {

    static StoredKey claim(String id, String fingerprint, Instant now) {
        return new StoredKey(id, fingerprint, false, now, null, null, null, null);
    }
}
