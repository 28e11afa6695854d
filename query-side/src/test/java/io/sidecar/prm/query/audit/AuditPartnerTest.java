package io.sidecar.prm.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditPartnerTest {

    @Test
    void aStreamChainsFromGenesisUntilItsFirstEventIsRecorded() {
        AuditPartner partner = AuditPartner.empty("p-1");
        assertThat(partner.previousHash("p-1")).isEqualTo(AuditChain.GENESIS);
        assertThat(partner.appliedVersion("p-1")).isZero();
    }

    @Test
    void appendingCountsTheHistoryAndMovesOnlyThatStreamsHead() {
        AuditPartner partner = AuditPartner.empty("p-1")
                .with(new AuditPartner.StreamHead("Partner", "p-1", 1, "a".repeat(64)))
                .with(new AuditPartner.StreamHead("Deal", "d-1", 1, "b".repeat(64)))
                .with(new AuditPartner.StreamHead("Partner", "p-1", 2, "c".repeat(64)));
        assertThat(partner.entries()).isEqualTo(3);
        assertThat(partner.streams())
                .extracting(AuditPartner.StreamHead::aggregateId)
                .containsExactly("p-1", "d-1");
        assertThat(partner.previousHash("p-1")).isEqualTo("c".repeat(64));
        assertThat(partner.appliedVersion("p-1")).isEqualTo(2);
        assertThat(partner.appliedVersion("d-1")).isEqualTo(1);
    }
}
