package io.sidecar.prm.query.audit.export;

import io.sidecar.prm.query.audit.AuditEntry;
import io.sidecar.prm.query.audit.AuditPartner;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;

/** Audit entries and partners as the audit log records them, for the export's tests. */
final class ExportTestData {

    static final String PARTNER = "p-1";
    static final String DEAL = "d-1";
    static final Instant AT = Instant.parse("2026-11-20T10:15:30.123Z");
    static final Instant EXPORTED_AT = Instant.parse("2026-11-26T08:00:00Z");

    private ExportTestData() {}

    /** The n-th entry (from 0) of {@link #PARTNER}'s history: its own stream's event n, with this payload. */
    static AuditEntry entry(long n, String payload) {
        return entry(n, payload, "ada");
    }

    /** The n-th entry, done by this actor. */
    static AuditEntry entry(long n, String payload, String actor) {
        return new AuditEntry(
                n,
                PARTNER,
                100 + n,
                "event-" + n,
                "Partner",
                PARTNER,
                n,
                "CheckInRecorded",
                "io.sidecar.prm.events.partner.CheckInRecorded",
                "1",
                AT.plusSeconds(n).toString(),
                AT.plusSeconds(n).plusMillis(5).toString(),
                actor,
                "corr-" + n,
                n == 0 ? null : "cause-" + n,
                payload,
                // the second entry as a partner user's
                n == 1 ? "{\"actor\":\"ada\",\"actorPartnerId\":\"p-1\"}" : "{\"actor\":\"ada\"}",
                hash(n));
    }

    static List<AuditEntry> entries(long count) {
        return LongStream.range(0, count)
                .mapToObj(n -> entry(n, "{\"partnerId\":\"" + PARTNER + "\",\"summary\":\"check-in " + n + "\"}"))
                .toList();
    }

    /** What the audit log holds of {@link #PARTNER} after {@code entries} events: its stream and one deal's. */
    static AuditPartner partner(long entries) {
        return new AuditPartner(
                PARTNER,
                entries,
                List.of(
                        new AuditPartner.StreamHead("Partner", PARTNER, entries, hash(entries - 1), List.of()),
                        new AuditPartner.StreamHead("Deal", DEAL, 2, "d".repeat(64), List.of(entries, entries + 1))),
                List.of());
    }

    static String hash(long n) {
        return String.format("%064x", n + 1);
    }
}
