package io.sidecar.prm.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditPageTest {

    private static AuditEntry entry(long ordinal, String hash) {
        return new AuditEntry(
                ordinal,
                "p-1",
                ordinal,
                "e-" + ordinal,
                "Partner",
                "p-1",
                ordinal,
                "CheckInRecorded",
                "io.sidecar.prm.events.partner.CheckInRecorded",
                "1",
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:01Z",
                "ann",
                "c",
                "c",
                "{}",
                "{}",
                hash);
    }

    @Test
    void aPartnersHistoryIsKeptInPagesOfConsecutiveEntries() {
        assertThat(AuditPage.key("p-1", 0)).isEqualTo(AuditPage.key("p-1", AuditPage.SIZE - 1));
        assertThat(AuditPage.key("p-1", AuditPage.SIZE))
                .isNotEqualTo(AuditPage.key("p-1", 0))
                .endsWith("/0000000001");
    }

    @Test
    void anEntryRecordedAgainAfterACrashReplacesItsPlaceInsteadOfBeingAddedTwice() {
        AuditPage page = AuditPage.empty("p-1", 0)
                .with(entry(0, "a"))
                .with(entry(1, "b"))
                .with(entry(2, "c"));
        AuditPage again = page.with(entry(1, "b2"));
        assertThat(again.entries()).extracting(AuditEntry::hash).containsExactly("a", "b2");
        assertThat(page.with(entry(3, "d")).entries()).hasSize(4);
    }
}
