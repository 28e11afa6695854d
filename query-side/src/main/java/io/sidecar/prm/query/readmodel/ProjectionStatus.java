package io.sidecar.prm.query.readmodel;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Whether a read model is being rebuilt: its processor is replaying the store (after a reset, or built from no
 * token at all, which Axon's pooled processors also start as a replay up to the head) and has not caught up with
 * where the store stood when that began. Readers of that read model are then told their answer may be incomplete.
 */
public class ProjectionStatus {

    private final EventProcessingConfiguration processing;
    /** Replays asked for in this process: the head they must reach, from the reset on (ADR 007). */
    private final Map<String, Long> replayTargets = new ConcurrentHashMap<>();

    public ProjectionStatus(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * A replay of the group is about to reset it: from now until its processor has claimed its segments again and
     * reached {@code head}, it is rebuilding, even while it has no segment (and so no status) at all.
     */
    public void replayStarting(String group, long head) {
        replayTargets.put(group, head);
    }

    /**
     * The replay failed after its reset may have emptied the collection: the group counts as rebuilding until a
     * replay succeeds.
     */
    public void replayFailed(String group) {
        replayTargets.put(group, Long.MAX_VALUE);
    }

    /** The replay did not reset the group after all. */
    public void replayAbandoned(String group) {
        replayTargets.remove(group);
    }

    /** Whether any of the named processing groups is rebuilding in this process. */
    public boolean replaying(String... groups) {
        return Arrays.stream(groups).anyMatch(this::replaying);
    }

    private boolean replaying(String group) {
        return processing
                .eventProcessor(group, StreamingEventProcessor.class)
                .map(processor -> replaying(group, processor.processingStatus().values()))
                .orElse(false);
    }

    private boolean replaying(String group, Collection<EventTrackerStatus> segments) {
        if (segments.stream().anyMatch(ProjectionStatus::catchingUp)) {
            return true;
        }
        Long target = replayTargets.get(group);
        if (target == null) {
            return false;
        }
        boolean reached = !segments.isEmpty()
                && segments.stream()
                        .allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= target);
        if (reached) {
            replayTargets.remove(group, target);
        }
        return !reached;
    }

    /**
     * Whether a segment is replaying and still short of where the store stood when the replay began. Axon keeps
     * the replay flag until the first event after that point, which on a quiet store may be long after the read
     * model has caught up; the positions tell when it actually has.
     */
    public static boolean catchingUp(EventTrackerStatus segment) {
        return segment.isReplaying()
                && segment.getCurrentPosition().orElse(-1)
                        < segment.getResetPosition().orElse(-1);
    }
}
