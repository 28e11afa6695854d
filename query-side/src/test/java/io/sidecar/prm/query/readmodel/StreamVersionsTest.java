package io.sidecar.prm.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamVersionsTest {

    @Test
    void aStreamNeverFoldedInIsAtVersionZero() {
        assertThat(StreamVersions.NONE.of("d-1")).isZero();
        assertThat(StreamVersions.NONE.size()).isZero();
    }

    @Test
    void settingAVersionLeavesTheOriginalAndEveryOtherStreamAsTheyWere() {
        StreamVersions before = StreamVersions.NONE.with("d-1", 1).with("d-2", 4);

        StreamVersions after = before.with("d-1", 3);

        assertThat(after.of("d-1")).isEqualTo(3);
        assertThat(after.of("d-2")).isEqualTo(4);
        assertThat(before.of("d-1")).isEqualTo(1);
        assertThat(after.size()).isEqualTo(2);
    }

    @Test
    void manyStreamsSpreadOverTheBucketsAndEachKeepsItsOwnVersion() {
        StreamVersions versions = StreamVersions.NONE;
        for (int i = 0; i < 1_000; i++) {
            versions = versions.with("deal-" + i, i + 1);
        }

        assertThat(versions.size()).isEqualTo(1_000);
        assertThat(versions.buckets()).hasSize(StreamVersions.BUCKETS);
        for (int i = 0; i < 1_000; i++) {
            assertThat(versions.of("deal-" + i)).isEqualTo(i + 1);
        }
    }

    @Test
    void versionsReadBackFromTheStoreInMutableMapsAreCopiedAndEqualToTheOriginal() {
        StreamVersions original = StreamVersions.NONE.with("d-1", 2).with("d-2", 5);
        Map<String, Map<String, Long>> asStored = new HashMap<>();
        original.buckets().forEach((bucket, streams) -> asStored.put(bucket, new HashMap<>(streams)));

        StreamVersions read = new StreamVersions(asStored);
        asStored.values().forEach(Map::clear);

        assertThat(read).isEqualTo(original);
        assertThat(read.of("d-2")).isEqualTo(5);
    }
}
