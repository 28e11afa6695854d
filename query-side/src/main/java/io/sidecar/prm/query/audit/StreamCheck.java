package io.sidecar.prm.query.audit;

import java.io.UncheckedIOException;

/**
 * Recomputes one stream's hash chain from the event store, event by event, up to the head the audit log recorded,
 * and compares the two heads. By the chain's construction, equal heads mean every recorded event is unchanged; a
 * different head sends the caller to {@link AuditVerification} to find the first event that differs.
 */
final class StreamCheck {

    private final String partnerId;
    private final AuditPartner.StreamHead recorded;
    private String hash = AuditChain.GENESIS;
    private long read;
    private long notYetRecorded;
    private String unreadable;

    StreamCheck(String partnerId, AuditPartner.StreamHead recorded) {
        this.partnerId = partnerId;
        this.recorded = recorded;
    }

    /** Takes the stream's next stored event (in sequence order). */
    void accept(StoredEvent stored) {
        if (read >= recorded.events()) {
            notYetRecorded++;
            return;
        }
        read++;
        if (unreadable != null) {
            return;
        }
        try {
            hash = AuditChain.next(hash, stored);
        } catch (UncheckedIOException e) {
            unreadable = "unreadable (" + e.getMessage() + ")";
        }
    }

    String partnerId() {
        return partnerId;
    }

    AuditPartner.StreamHead recorded() {
        return recorded;
    }

    /** Every recorded event was read and the recomputed head equals the recorded one. */
    boolean verified() {
        return read == recorded.events() && unreadable == null && hash.equals(recorded.hash());
    }

    long checked() {
        return verified() ? read : 0;
    }

    long notYetRecorded() {
        return notYetRecorded;
    }
}
