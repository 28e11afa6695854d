package io.sidecar.prm.query.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

class FeedCursorsTest {

    @Test
    void aGapAwareTokenIsWrittenWithItsGapsAndReadBackEqual() {
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(105, new TreeSet<>(List.of(101L, 103L)));

        String cursor = FeedCursors.GAP_AWARE.format(token);

        assertThat(cursor).isEqualTo("105~101~103");
        assertThat(FeedCursors.GAP_AWARE.parse(cursor)).isEqualTo(token);
        assertThat(FeedCursors.GAP_AWARE.parse("7")).isEqualTo(GapAwareTrackingToken.newInstance(7, Set.of()));
    }

    @Test
    void axonServersTokenIsOneNumber() {
        assertThat(FeedCursors.GLOBAL_SEQUENCE.format(new GlobalSequenceTrackingToken(42)))
                .isEqualTo("42");
        assertThat(FeedCursors.GLOBAL_SEQUENCE.parse("42")).isEqualTo(new GlobalSequenceTrackingToken(42));
    }

    @Test
    void aCursorsTextTellsItsHighestPositionAndWhetherItWaitsForGaps() {
        assertThat(FeedCursors.position("105~101~103")).isEqualTo(105);
        assertThat(FeedCursors.position("42")).isEqualTo(42);
        assertThat(FeedCursors.position(null)).isEqualTo(-1);
        assertThat(FeedCursors.hasGaps("105~101")).isTrue();
        assertThat(FeedCursors.hasGaps("105")).isFalse();
        assertThat(FeedCursors.hasGaps(null)).isFalse();
    }

    @Test
    void noCursorIsTheFirstEvent() {
        assertThat(FeedCursors.GAP_AWARE.parse(null)).isNull();
        assertThat(FeedCursors.GAP_AWARE.parse(" ")).isNull();
        assertThat(FeedCursors.GAP_AWARE.format(null)).isNull();
    }

    @Test
    void whatIsNotACursorIsRefused() {
        for (String bad : List.of("abc", "-1", "1.5", "5~", "~5", "5~7", "5~5", "9999999999999999999", "5 ")) {
            assertThatThrownBy(() -> FeedCursors.GAP_AWARE.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> FeedCursors.GLOBAL_SEQUENCE.parse("5~3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeedCursors.GAP_AWARE.parse("1~".repeat(FeedCursors.MAX_LENGTH) + "2"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEventThatFillsAGapIsAtTheGapsPositionNotTheHighestSeen() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(105, new TreeSet<>(List.of(101L, 103L)));
        GapAwareTrackingToken filled = GapAwareTrackingToken.newInstance(105, new TreeSet<>(List.of(101L)));
        GapAwareTrackingToken next = GapAwareTrackingToken.newInstance(106, new TreeSet<>(List.of(101L)));

        assertThat(FeedCursors.positionOf(before, filled)).isEqualTo(103);
        assertThat(FeedCursors.positionOf(filled, next)).isEqualTo(106);
        assertThat(FeedCursors.positionOf(null, GapAwareTrackingToken.newInstance(1, Set.of())))
                .isEqualTo(1);
        assertThat(FeedCursors.positionOf(new GlobalSequenceTrackingToken(4), new GlobalSequenceTrackingToken(5)))
                .isEqualTo(5);
    }
}
