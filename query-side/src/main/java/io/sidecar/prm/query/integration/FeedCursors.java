package io.sidecar.prm.query.integration;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The feed's cursors: a tracking token of the event store written as text, so that a consumer that passes it back
 * resumes exactly after the last event it saw. Axon Server's tokens are one number, the global position. The
 * embedded (JDBC) store's are gap-aware: the highest position seen, then the lower positions that were still
 * missing then ({@code 105~101~103}), because a transaction that took a position can commit after one that took a
 * higher position; the events that fill those gaps are delivered when they appear, not skipped.
 */
public enum FeedCursors {
    /** Axon Server: a global sequence without gaps. */
    GLOBAL_SEQUENCE,
    /** The JDBC event store: the highest position seen and the gaps below it. */
    GAP_AWARE;

    /** A cursor longer than this is refused: it would name thousands of gaps no store keeps that long. */
    static final int MAX_LENGTH = 20_000;

    private static final Pattern FORM = Pattern.compile("\\d{1,18}(~\\d{1,18})*");

    /**
     * The token a cursor stands for.
     *
     * @param cursor the text a consumer sent; null or blank for "from the first event"
     * @return the token after which to read, null for the first event
     * @throws IllegalArgumentException if the text is not a cursor of this store
     */
    public TrackingToken parse(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH || !FORM.matcher(cursor).matches()) {
            throw new IllegalArgumentException("is not a cursor: pass back a \"next\" (or an SSE id) as it was given");
        }
        String[] parts = cursor.split("~");
        long index = Long.parseLong(parts[0]);
        if (this == GLOBAL_SEQUENCE) {
            if (parts.length > 1) {
                throw new IllegalArgumentException("is not a cursor of this event store");
            }
            return new GlobalSequenceTrackingToken(index);
        }
        SortedSet<Long> gaps = new TreeSet<>();
        for (int i = 1; i < parts.length; i++) {
            long gap = Long.parseLong(parts[i]);
            if (gap >= index) {
                throw new IllegalArgumentException("is not a cursor: a gap must lie below the position");
            }
            gaps.add(gap);
        }
        return GapAwareTrackingToken.newInstance(index, gaps);
    }

    /** The text of a token, as the feed hands it out; null for no token. */
    public String format(TrackingToken token) {
        if (token == null) {
            return null;
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            StringBuilder text = new StringBuilder(Long.toString(gapAware.getIndex()));
            for (Long gap : gapAware.getGaps()) {
                text.append('~').append(gap);
            }
            return text.toString();
        }
        return Long.toString(token.position()
                .orElseThrow(() -> new IllegalArgumentException("a token without a position: " + token)));
    }

    /**
     * The global position of the event a stream delivered with token {@code after}, right after {@code before}. A
     * gap-aware token keeps the highest position seen, so an event that filled a gap is the gap that went away.
     */
    public static long positionOf(TrackingToken before, TrackingToken after) {
        if (after instanceof GapAwareTrackingToken gapAware
                && before instanceof GapAwareTrackingToken previous
                && gapAware.getIndex() <= previous.getIndex()) {
            SortedSet<Long> filled = new TreeSet<>(previous.getGaps());
            filled.removeAll(gapAware.getGaps());
            if (!filled.isEmpty()) {
                return filled.first();
            }
        }
        return after.position().orElse(-1L);
    }

    /** The highest position a cursor (as {@link #format} writes it) has seen; -1 for none. */
    public static long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return -1;
        }
        int gaps = cursor.indexOf('~');
        return Long.parseLong(gaps < 0 ? cursor : cursor.substring(0, gaps));
    }

    /** Whether a cursor still waits for positions below its highest (events that committed late). */
    public static boolean hasGaps(String cursor) {
        return cursor != null && cursor.indexOf('~') >= 0;
    }
}
