package io.sidecar.prm.query.audit.export;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sidecar.prm.query.audit.AuditPartner;
import java.time.Instant;
import java.util.List;

/**
 * The end of an export: how many entries it holds and the head of each hash chain as of those entries, for an
 * auditor to keep and check later exports (and {@code GET /api/audit/verify}) against.
 *
 * @param trailer    always {@code true}: tells the trailer line from an entry line
 * @param partnerId  the partner whose history it is
 * @param entries    how many entries precede the trailer
 * @param exportedAt when the export was taken (entries recorded after it are not in it)
 * @param heads      each stream's last exported event: the partner's stream first, then its deals'
 */
@JsonPropertyOrder({"trailer", "partnerId", "entries", "exportedAt", "heads"})
record ExportTrailer(boolean trailer, String partnerId, long entries, Instant exportedAt, List<Head> heads) {

    /**
     * One hash chain's head.
     *
     * @param sequence the sequence number of the stream's last exported event
     * @param hash     that event's chain hash
     */
    @JsonPropertyOrder({"aggregateType", "aggregateId", "sequence", "hash"})
    record Head(String aggregateType, String aggregateId, long sequence, String hash) {}

    /** The trailer of an export of everything the audit log had recorded of a partner at that moment. */
    static ExportTrailer of(AuditPartner partner, Instant exportedAt) {
        return new ExportTrailer(
                true,
                partner.id(),
                partner.entries(),
                exportedAt,
                partner.streams().stream()
                        .map(stream -> new Head(
                                stream.aggregateType(), stream.aggregateId(), stream.events() - 1, stream.hash()))
                        .toList());
    }
}
