package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The tests' own signature check against the Standard Webhooks specification's example, so that the webhook tests
 * cannot pass on a check that accepts anything.
 */
class StandardWebhooksSignatureTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theSpecificationsExampleVerifies() {
        assertThat(StandardWebhooksSignature.matches(SECRET, ID, TIMESTAMP, BODY, SIGNATURE))
                .isTrue();
    }

    @Test
    void oneMatchingSignatureAmongSeveralVerifies() {
        String header = "v1,Zm9yZ2Vk v1a,abc " + SIGNATURE;

        assertThat(StandardWebhooksSignature.matches(SECRET, ID, TIMESTAMP, BODY, header))
                .isTrue();
    }

    @Test
    void anAlteredBodyIdTimestampOrSecretDoesNotVerify() {
        assertThat(StandardWebhooksSignature.matches(SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}", SIGNATURE))
                .isFalse();
        assertThat(StandardWebhooksSignature.matches(SECRET, "msg_other", TIMESTAMP, BODY, SIGNATURE))
                .isFalse();
        assertThat(StandardWebhooksSignature.matches(SECRET, ID, "1614265331", BODY, SIGNATURE))
                .isFalse();
        assertThat(StandardWebhooksSignature.matches(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSx", ID, TIMESTAMP, BODY, SIGNATURE))
                .isFalse();
    }

    @Test
    void anotherVersionOrAMissingHeaderDoesNotVerify() {
        assertThat(StandardWebhooksSignature.matches(SECRET, ID, TIMESTAMP, BODY, SIGNATURE.replace("v1,", "v2,")))
                .isFalse();
        assertThat(StandardWebhooksSignature.matches(SECRET, ID, TIMESTAMP, BODY, null))
                .isFalse();
    }

    @Test
    void aTimestampIsFreshWithinFiveMinutes() {
        Instant now = Instant.ofEpochSecond(1_614_265_330L);

        assertThat(StandardWebhooksSignature.fresh("1614265330", now)).isTrue();
        assertThat(StandardWebhooksSignature.fresh("1614265030", now)).isTrue();
        assertThat(StandardWebhooksSignature.fresh("1614265029", now)).isFalse();
        assertThat(StandardWebhooksSignature.fresh("1614265631", now)).isFalse();
        assertThat(StandardWebhooksSignature.fresh("1614265330000", now)).isFalse();
        assertThat(StandardWebhooksSignature.fresh("soon", now)).isFalse();
    }
}
