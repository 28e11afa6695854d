package io.sidecar.prm.query.audit;

import java.io.UncheckedIOException;

/**
 * Recomputes one stream's hash chain from the event store, event by event, against what the audit log recorded;
 * stops at the first difference.
 */
final class StreamCheck {

    private final String aggregateType;
    private final String aggregateId;
    private String hash = AuditChain.GENESIS;
    private long checked;
    private AuditVerification.Mismatch mismatch;

    StreamCheck(String aggregateType, String aggregateId) {
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
    }

    /** Compares the next stored event with the recorded entry for that place in the stream. */
    void check(StoredEvent stored, AuditEntry recorded) {
        if (mismatch != null) {
            return;
        }
        String found;
        try {
            found = AuditChain.next(hash, stored);
        } catch (UncheckedIOException e) {
            found = "unreadable (" + e.getMessage() + ")";
        }
        if (!found.equals(recorded.hash())) {
            mismatch = new AuditVerification.Mismatch(
                    aggregateType, aggregateId, recorded.sequence(), recorded.hash(), found);
            return;
        }
        hash = found;
        checked++;
    }

    /** The store has no event where the audit log recorded one. */
    void missing(long sequence, String recordedHash) {
        if (mismatch == null) {
            mismatch = new AuditVerification.Mismatch(
                    aggregateType, aggregateId, sequence, recordedHash, "missing from the event store");
        }
    }

    boolean ok() {
        return mismatch == null;
    }

    long checked() {
        return checked;
    }

    AuditVerification.Mismatch mismatch() {
        return mismatch;
    }
}
