package io.sidecar.prm.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/**
 * When a segment counts as rebuilding its read model, on the statuses Axon's pooled processor reports: a replay
 * token from a reset at position 100 (what {@code resetTokens()} stores) as it advances.
 */
class ProjectionStatusTest {

    private static final TrackingToken AT_RESET = new GlobalSequenceTrackingToken(100);
    private static final ReplayToken REPLAY = (ReplayToken) ReplayToken.createReplayToken(AT_RESET);

    @Test
    void aSegmentReplayingShortOfWhereTheStoreStoodAtTheResetIsCatchingUp() {
        EventTrackerStatus halfway = status(REPLAY.advancedTo(new GlobalSequenceTrackingToken(40)));

        assertThat(halfway.isReplaying()).isTrue();
        assertThat(halfway.getCurrentPosition()).hasValue(40);
        assertThat(halfway.getResetPosition()).hasValue(100);
        assertThat(ProjectionStatus.catchingUp(halfway)).isTrue();
    }

    @Test
    void aSegmentJustResetIsCatchingUp() {
        assertThat(ProjectionStatus.catchingUp(status(REPLAY))).isTrue();
    }

    @Test
    void aSegmentThatReachedWhereTheStoreStoodAtTheResetHasCaughtUp() {
        EventTrackerStatus there = status(REPLAY.advancedTo(AT_RESET));

        assertThat(ProjectionStatus.catchingUp(there)).isFalse();
    }

    @Test
    void aSegmentNotReplayingIsNotCatchingUp() {
        assertThat(ProjectionStatus.catchingUp(status(new GlobalSequenceTrackingToken(7))))
                .isFalse();
    }

    private static EventTrackerStatus status(TrackingToken token) {
        return new TrackerStatus(Segment.ROOT_SEGMENT, token);
    }
}
