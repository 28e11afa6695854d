package io.sidecar.prm.security.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.security.idempotency.Idempotency.Decision;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final Duration TTL = Duration.ofHours(24);
    private static final byte[] BODY = "{\"reason\": \"late\"}".getBytes(StandardCharsets.UTF_8);

    private static String fingerprint(String method, String path, String query, String type, byte[] body) {
        return Idempotency.fingerprint(method, path, query, type, body);
    }

    private static final String SAME = fingerprint("POST", "/api/deals/d1/lose", null, "application/json", BODY);

    @Test
    void theSameRequestHasTheSameFingerprint() {
        assertThat(fingerprint("POST", "/api/deals/d1/lose", null, "application/json", BODY.clone()))
                .isEqualTo(SAME)
                .hasSize(64);
    }

    @Test
    void everyPartOfTheRequestChangesTheFingerprint() {
        assertThat(fingerprint("PUT", "/api/deals/d1/lose", null, "application/json", BODY))
                .isNotEqualTo(SAME);
        assertThat(fingerprint("POST", "/api/deals/d2/lose", null, "application/json", BODY))
                .isNotEqualTo(SAME);
        assertThat(fingerprint("POST", "/api/deals/d1/lose", "", "application/json", BODY))
                .isNotEqualTo(SAME);
        assertThat(fingerprint("POST", "/api/deals/d1/lose", null, "text/plain", BODY))
                .isNotEqualTo(SAME);
        assertThat(fingerprint("POST", "/api/deals/d1/lose", null, "application/json", "{}".getBytes()))
                .isNotEqualTo(SAME);
    }

    @Test
    void partsDoNotRunTogether() {
        assertThat(fingerprint("POST", "/a", "b", null, new byte[0]))
                .isNotEqualTo(fingerprint("POST", "/ab", null, null, new byte[0]));
        assertThat(fingerprint("POST", "/a", null, "x", new byte[0]))
                .isNotEqualTo(fingerprint("POST", "/a", null, null, "x".getBytes()));
    }

    @Test
    void keysAreOneToTwoHundredFiftyFiveCharactersWithoutControlCharacters() {
        assertThat(Idempotency.isValidKey("8e03978e-40d5-43e8-bc93-6894a57f9324"))
                .isTrue();
        assertThat(Idempotency.isValidKey("k".repeat(255))).isTrue();
        assertThat(Idempotency.isValidKey("k".repeat(256))).isFalse();
        assertThat(Idempotency.isValidKey("")).isFalse();
        assertThat(Idempotency.isValidKey("   ")).isFalse();
        assertThat(Idempotency.isValidKey("a\tb")).isFalse();
        assertThat(Idempotency.isValidKey("a\u0000b")).isFalse();
        assertThat(Idempotency.isValidKey("a\u007fb")).isFalse();
        assertThat(Idempotency.isValidKey("a\u0085b")).isFalse();
    }

    @Test
    void keysArePerUser() {
        assertThat(Idempotency.id("ada", "k1")).isNotEqualTo(Idempotency.id("grace", "k1"));
        assertThat(Idempotency.id("a:b", "c")).isNotEqualTo(Idempotency.id("a", "b:c"));
    }

    @Test
    void theSameRequestAfterItAnsweredIsReplayed() {
        StoredKey answered = answered(NOW.minus(Duration.ofHours(23)));
        assertThat(Idempotency.decide(answered, SAME, NOW, TTL)).isEqualTo(Decision.REPLAY);
    }

    @Test
    void anotherRequestWithTheKeyIsRefused() {
        StoredKey answered = answered(NOW.minusSeconds(5));
        String other = fingerprint("POST", "/api/deals/d1/lose", null, "application/json", "{}".getBytes());
        assertThat(Idempotency.decide(answered, other, NOW, TTL)).isEqualTo(Decision.KEY_REUSED);
        assertThat(Idempotency.decide(claimed(NOW.minusSeconds(1)), other, NOW, TTL))
                .isEqualTo(Decision.KEY_REUSED);
    }

    @Test
    void theSameRequestWhileTheFirstRunsIsInFlight() {
        assertThat(Idempotency.decide(claimed(NOW.minusSeconds(1)), SAME, NOW, TTL))
                .isEqualTo(Decision.IN_FLIGHT);
    }

    @Test
    void aKeyOlderThanItsTimeToLiveIsNewAgain() {
        assertThat(Idempotency.decide(answered(NOW.minus(TTL)), SAME, NOW, TTL)).isEqualTo(Decision.EXPIRED);
        String other = fingerprint("DELETE", "/x", null, null, new byte[0]);
        assertThat(Idempotency.decide(answered(NOW.minus(TTL).minusSeconds(1)), other, NOW, TTL))
                .isEqualTo(Decision.EXPIRED);
    }

    @Test
    void aClaimLeftByAStoppedProcessIsTakenOver() {
        Instant abandoned = NOW.minus(Idempotency.ABANDONED_AFTER);
        assertThat(Idempotency.decide(claimed(abandoned), SAME, NOW, TTL)).isEqualTo(Decision.EXPIRED);
        assertThat(Idempotency.decide(claimed(abandoned.plusSeconds(1)), SAME, NOW, TTL))
                .isEqualTo(Decision.IN_FLIGHT);
    }

    private static StoredKey claimed(Instant at) {
        return StoredKey.claim("5:admin:k1", SAME, at);
    }

    private static StoredKey answered(Instant at) {
        return new StoredKey("5:admin:k1", SAME, true, at, 200, "application/json", null, "{\"id\":\"d1\"}");
    }
}
