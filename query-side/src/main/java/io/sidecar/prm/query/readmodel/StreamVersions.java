package io.sidecar.prm.query.readmodel;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many events of each of many aggregate streams a document has folded in (ADR 003): a partner's document
 * keeps one entry per deal it ever had, for good, since a closed deal's events may be delivered again. An
 * immutable value that a pure fold extends at every event, so the streams are spread over {@value #BUCKETS}
 * buckets by their id's hash: recording one stream copies one bucket, not every deal of the partner's lifetime
 * (folding 10,000 deals of one partner took 25 s with one flat map, about 2 s like this).
 *
 * @param buckets the versions by bucket (the id's {@link String#hashCode()}, specified by the language and so
 *                stable across JVMs, modulo {@value #BUCKETS}), then by stream id
 */
public record StreamVersions(Map<String, Map<String, Long>> buckets) {

    static final int BUCKETS = 64;

    /** No stream folded in yet. */
    public static final StreamVersions NONE = new StreamVersions(Map.of());

    public StreamVersions {
        // copyOf keeps an already immutable bucket as it is, so this copies only the buckets read from the store
        buckets = buckets == null
                ? Map.of()
                : buckets.entrySet().stream()
                        .collect(
                                Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Map.copyOf(entry.getValue())));
    }

    /** How many events of the stream are folded in, 0 when none. */
    public long of(String streamId) {
        return buckets.getOrDefault(bucketOf(streamId), Map.of()).getOrDefault(streamId, 0L);
    }

    /** These versions with the stream's version set. */
    public StreamVersions with(String streamId, long version) {
        String bucket = bucketOf(streamId);
        Map<String, Long> changed = new HashMap<>(buckets.getOrDefault(bucket, Map.of()));
        changed.put(streamId, version);
        Map<String, Map<String, Long>> all = new HashMap<>(buckets);
        all.put(bucket, Map.copyOf(changed));
        return new StreamVersions(all);
    }

    /** How many streams are folded in. */
    public int size() {
        return buckets.values().stream().mapToInt(Map::size).sum();
    }

    private static String bucketOf(String streamId) {
        return Integer.toString(Math.floorMod(streamId.hashCode(), BUCKETS));
    }
}
