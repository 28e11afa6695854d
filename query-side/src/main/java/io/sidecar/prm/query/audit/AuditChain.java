package io.sidecar.prm.query.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over one aggregate's event stream: {@code hash(n) = SHA-256(hash(n-1) || canonical form of event
 * n)}, where {@code hash(-1)} is 32 zero bytes and {@code ||} joins the raw 32 digest bytes to the canonical
 * bytes. Hashes are written as 64 lower-case hex digits.
 */
public final class AuditChain {

    /** The hash before a stream's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {}

    /** The hash of an event whose predecessor's hash is {@code previous}. */
    public static String next(String previous, StoredEvent event) {
        return next(previous, event.canonicalForm());
    }

    static String next(String previous, byte[] canonicalForm) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(HEX.parseHex(previous));
            return HEX.formatHex(sha256.digest(canonicalForm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
