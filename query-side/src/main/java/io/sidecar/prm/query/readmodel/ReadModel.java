package io.sidecar.prm.query.readmodel;

/**
 * A read-model document that knows how much of each event stream it has folded in, which makes every projection
 * idempotent: an event whose sequence number is below that is skipped.
 *
 * <p>Why per stream and not by global position: events of different aggregates can be committed out of the order
 * of their global positions, and a processor then sees the late one after a higher one (filling a gap). Within one
 * aggregate's stream, sequence numbers never arrive out of order.
 */
public interface ReadModel {

    /** The document's id ({@code _id}). */
    String id();

    /**
     * How many events of the given aggregate's stream this document has folded in (its version as seen from
     * here), 0 when none.
     */
    long appliedVersion(String aggregateId);
}
