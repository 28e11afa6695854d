package io.sidecar.prm.standalone;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiver's side of the Standard Webhooks signature (standardwebhooks.com), written from the specification
 * and independent of the library the product signs with, so that the two cannot share a mistake: an HMAC-SHA256
 * over {@code "<webhook-id>.<webhook-timestamp>.<body>"}, keyed by the base64-decoded secret after {@code whsec_},
 * compared in constant time with each {@code v1,<base64>} of the space-separated {@code webhook-signature} header.
 */
final class StandardWebhooksSignature {

    static final String PREFIX = "whsec_";
    /** How far the timestamp may be from now, as the specification's reference receivers allow. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooksSignature() {}

    /** Whether one of the header's {@code v1} signatures is the body's signature under the secret. */
    static boolean matches(String secret, String id, String timestamp, String body, String signatureHeader) {
        if (secret == null
                || !secret.startsWith(PREFIX)
                || id == null
                || timestamp == null
                || signatureHeader == null) {
            return false;
        }
        byte[] expected = sign(secret, id, timestamp, body);
        for (String candidate : signatureHeader.trim().split(" +")) {
            String[] versionAndSignature = candidate.split(",", 2);
            if (versionAndSignature.length != 2 || !versionAndSignature[0].equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(versionAndSignature[1]);
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the {@code webhook-timestamp} (unix seconds) is within {@link #TOLERANCE} of {@code now}. */
    static boolean fresh(String timestamp, Instant now) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        return Math.abs(now.getEpochSecond() - seconds) <= TOLERANCE.toSeconds();
    }

    /** Whether a delivery, as the receiver got it, is signed with the secret and fresh at its arrival. */
    static boolean verifies(String secret, WebhookReceiver.Request request) {
        String timestamp = request.header("webhook-timestamp");
        return fresh(timestamp, request.at())
                && matches(secret, request.webhookId(), timestamp, request.body(), request.header("webhook-signature"));
    }

    private static byte[] sign(String secret, String id, String timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
