package io.sidecar.prm.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditPartnerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void aStreamChainsFromGenesisUntilItsFirstEventIsRecorded() {
        AuditPartner partner = AuditPartner.empty("p-1");
        assertThat(partner.previousHash("p-1")).isEqualTo(AuditChain.GENESIS);
        assertThat(partner.appliedVersion("p-1")).isZero();
    }

    @Test
    void appendingCountsTheHistoryAndMovesOnlyThatStreamsHead() {
        AuditPartner partner = AuditPartner.empty("p-1")
                .with("Partner", "p-1", "a".repeat(64), T0)
                .with("Deal", "d-1", "b".repeat(64), T0.plusSeconds(60))
                .with("Partner", "p-1", "c".repeat(64), T0.plusSeconds(30));
        assertThat(partner.entries()).isEqualTo(3);
        assertThat(partner.streams())
                .extracting(AuditPartner.StreamHead::aggregateId)
                .containsExactly("p-1", "d-1");
        assertThat(partner.previousHash("p-1")).isEqualTo("c".repeat(64));
        assertThat(partner.appliedVersion("p-1")).isEqualTo(2);
        assertThat(partner.appliedVersion("d-1")).isEqualTo(1);
        assertThat(partner.stream("d-1").orElseThrow().ordinals()).containsExactly(1L);
        assertThat(partner.stream("p-1").orElseThrow().ordinals()).isEmpty();
    }

    @Test
    void eachBlockKnowsTheEarliestAndLatestInstantOfItsEventsWhateverTheirOrder() {
        AuditPartner partner = AuditPartner.empty("p-1");
        for (int n = 0; n < AuditPartner.BLOCK + 2; n++) {
            // the third event of each block is back-dated by a day
            Instant at = n % AuditPartner.BLOCK == 2 ? T0.minusSeconds(86_400 - n) : T0.plusSeconds(n);
            partner = partner.with("Partner", "p-1", "a".repeat(64), at);
        }
        assertThat(partner.blocks()).hasSize(2);
        AuditPartner.Block first = partner.blocks().get(0);
        assertThat(first.earliest()).isEqualTo(T0.minusSeconds(86_400 - 2).toString());
        assertThat(first.latest())
                .isEqualTo(T0.plusSeconds(AuditPartner.BLOCK - 1).toString());
        assertThat(first.intersects(T0.minusSeconds(86_400), T0.minusSeconds(86_000)))
                .isTrue();
        assertThat(first.within(T0.minusSeconds(86_400), T0.plusSeconds(AuditPartner.BLOCK)))
                .isTrue();
        assertThat(first.within(T0, null)).isFalse();
        AuditPartner.Block second = partner.blocks().get(1);
        assertThat(second.intersects(null, T0.plusSeconds(AuditPartner.BLOCK))).isFalse();
        assertThat(second.intersects(T0.plusSeconds(AuditPartner.BLOCK), null)).isTrue();
    }
}
