package io.sidecar.prm.security.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/** The rules of {@code Idempotency-Key} (API.md, "Commands"), apart from HTTP and the store. */
final class Idempotency {

    /** The longest key accepted. */
    static final int MAX_KEY_LENGTH = 255;

    /**
     * A claim whose request has not answered for this long was left by a process that stopped: the key may be taken
     * over (no request runs this long; the container times out far sooner).
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    /** What a request with a key that was used before gets. */
    enum Decision {
        /** The same request answered before: its answer again, nothing executed. */
        REPLAY,
        /** The key came with another request: 422. */
        KEY_REUSED,
        /** The same request is still running: 409. */
        IN_FLIGHT,
        /** The earlier use is older than the time to live, or was abandoned: the key is new again. */
        EXPIRED
    }

    private Idempotency() {}

    /** Whether {@code key} may be used: 1–255 characters, not blank, no control characters. */
    static boolean isValidKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            return false;
        }
        return key.chars().noneMatch(Character::isISOControl);
    }

    /** The store's id of a caller's key: keys are per user, so two users' equal keys are apart. */
    static String id(String username, String key) {
        return username.length() + ":" + username + ":" + key;
    }

    /** SHA-256 (hex) of what makes two requests the same one: method, path, query, content type and body. */
    static String fingerprint(String method, String path, String query, String contentType, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {method, path, query, contentType}) {
                byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
                // each part with its length (and absent apart from empty), so that no two requests run together
                sha.update((part == null ? "-1" : Integer.toString(bytes.length)).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** What a request with {@code fingerprint} gets when its key is already stored as {@code existing}. */
    static Decision decide(StoredKey existing, String fingerprint, Instant now, Duration ttl) {
        if (!existing.createdAt().isAfter(now.minus(ttl))) {
            return Decision.EXPIRED;
        }
        if (!existing.completed() && !existing.createdAt().isAfter(now.minus(ABANDONED_AFTER))) {
            return Decision.EXPIRED;
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            return Decision.KEY_REUSED;
        }
        return existing.completed() ? Decision.REPLAY : Decision.IN_FLIGHT;
    }
}
