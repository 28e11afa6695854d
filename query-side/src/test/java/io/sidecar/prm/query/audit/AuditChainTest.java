package io.sidecar.prm.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The canonical form and the chain, against figures computed outside Java (Python's hashlib over the same bytes),
 * so that an auditor's own implementation of ADR 008 agrees with ours.
 */
class AuditChainTest {

    private static final String CANONICAL =
            "{\"aggregateId\":\"p-1\",\"aggregateType\":\"Partner\",\"eventId\":\"e-1\","
                    + "\"metadata\":{\"actor\":\"ann\",\"correlationId\":\"c-1\"},"
                    + "\"payload\":{\"amount\":{\"amount\":1.50,\"currency\":\"USD\"},\"name\":\"Zoë\",\"partnerId\":\"p-1\"},"
                    + "\"payloadType\":\"io.sidecar.prm.events.partner.PartnerOnboarded\",\"revision\":\"1\",\"sequence\":0,"
                    + "\"timestamp\":\"2026-01-02T03:04:05Z\"}";

    private static StoredEvent event(String payload) {
        return new StoredEvent(
                "e-1",
                "Partner",
                "p-1",
                0,
                Instant.parse("2026-01-02T03:04:05Z"),
                "io.sidecar.prm.events.partner.PartnerOnboarded",
                "1",
                payload,
                "{ \"correlationId\": \"c-1\", \"actor\": \"ann\" }");
    }

    private static final StoredEvent EVENT =
            event("{\"partnerId\":\"p-1\", \"name\":\"Zoë\",\n \"amount\":{\"currency\":\"USD\",\"amount\":1.50}}");

    @Test
    void theCanonicalFormSortsKeysDropsWhitespaceAndKeepsNumbersAsStored() {
        assertThat(new String(EVENT.canonicalForm(), StandardCharsets.UTF_8)).isEqualTo(CANONICAL);
    }

    @Test
    void eachHashCoversThePreviousOneAndTheEvent() {
        String first = AuditChain.next(AuditChain.GENESIS, EVENT);
        assertThat(first).isEqualTo("f7ebdec20ce389520256d5bcfb93ad8d69c68c76d0004d12ac04119abd47fab2");
        assertThat(AuditChain.next(first, EVENT))
                .isEqualTo("b874feebcc272521a31f4f33303fd2d6117f96a731fcd3b41dbf3862296511dc");
    }

    @Test
    void anyChangeToTheStoredPayloadChangesTheHash() {
        StoredEvent altered =
                event("{\"partnerId\":\"p-1\", \"name\":\"Zoe\",\n \"amount\":{\"currency\":\"USD\",\"amount\":1.50}}");
        assertThat(AuditChain.next(AuditChain.GENESIS, altered))
                .isNotEqualTo(AuditChain.next(AuditChain.GENESIS, EVENT));
        StoredEvent rescaled =
                event("{\"partnerId\":\"p-1\", \"name\":\"Zoë\",\n \"amount\":{\"currency\":\"USD\",\"amount\":1.5}}");
        assertThat(AuditChain.next(AuditChain.GENESIS, rescaled))
                .isNotEqualTo(AuditChain.next(AuditChain.GENESIS, EVENT));
    }

    @Test
    void aPayloadThatIsNoLongerJsonCannotBeHashed() {
        assertThatThrownBy(() -> event("{\"partnerId\":").canonicalForm()).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void theShortTypeIsTheClassName() {
        assertThat(EVENT.type()).isEqualTo("PartnerOnboarded");
    }
}
