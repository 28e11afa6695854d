package io.sidecar.prm.query.readmodel;

import java.util.Arrays;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Whether a read model is being rebuilt: its processor is replaying the store (after a reset, or built from no
 * token at all, which Axon's pooled processors also start as a replay up to the head) and has not caught up with
 * where the store stood when that began.
 * Readers of that read model are then told their answer may be incomplete.
 */
public class ProjectionStatus {

    private final EventProcessingConfiguration processing;

    public ProjectionStatus(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Whether any of the named processing groups is replaying in this process. */
    public boolean replaying(String... groups) {
        return Arrays.stream(groups).anyMatch(this::replaying);
    }

    private boolean replaying(String group) {
        return processing
                .eventProcessor(group, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream().anyMatch(ProjectionStatus::catchingUp))
                .orElse(false);
    }

    /**
     * Whether a segment is replaying and still short of where the store stood when the replay began. Axon keeps
     * the replay flag until the first event after that point, which on a quiet store may be long after the read
     * model has caught up; the positions tell when it actually has.
     */
    public static boolean catchingUp(EventTrackerStatus segment) {
        if (!segment.isReplaying() || !(segment.getTrackingToken() instanceof ReplayToken replay)) {
            return false;
        }
        long target = replay.getTokenAtReset().position().orElse(-1);
        return segment.getCurrentPosition().orElse(-1) < target;
    }
}
