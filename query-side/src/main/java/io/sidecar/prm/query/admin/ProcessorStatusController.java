package io.sidecar.prm.query.admin;

import io.sidecar.prm.query.readmodel.ProjectionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where each streaming event processor stands against the head of the event store, so an operator (or the
 * benchmark) can see a rebuild progress and know when the read models have caught up.
 */
@RestController
@Tag(name = "Operations")
class ProcessorStatusController {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private final ProcessorReplays replays;
    private final ProjectionStatus projections;

    ProcessorStatusController(
            EventProcessingConfiguration processing,
            EventStore eventStore,
            TokenStore tokenStore,
            ProcessorReplays replays,
            ProjectionStatus projections) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.replays = replays;
        this.projections = projections;
    }

    @PostMapping("/api/admin/processors/{name}/replay")
    @Operation(
            summary = "Rebuild a read model from the first event",
            description = "202 once the replay has started; its progress shows in the processor list (replaying,"
                    + " position, lag). Until it has caught up, the read model's answers carry"
                    + " `Warning: 110 - \"replaying\"`. Only the projections (partner-summary, deals, check-ins)"
                    + " can be replayed: 409 for the others, 404 for an unknown name.")
    ResponseEntity<?> replay(@PathVariable String name) {
        Optional<ProblemDetail> refused = replays.replay(name);
        if (refused.isPresent()) {
            return ResponseEntity.status(refused.get().getStatus()).body(refused.get());
        }
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/processors"))
                .body(processors().stream()
                        .filter(status -> status.name().equals(name))
                        .findFirst()
                        .orElseThrow());
    }

    @GetMapping("/api/admin/processors")
    @Operation(summary = "Each event processor: running, segments, position, lag behind the head, replaying")
    List<ProcessorStatus> processors() {
        long head = position(eventStore.createHeadToken());
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .map(processor -> status(processor, head))
                .sorted(Comparator.comparing(ProcessorStatus::name))
                .toList();
    }

    private ProcessorStatus status(StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> claimed = processor.processingStatus().values();
        long position = claimed.stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(-1))
                .min()
                .orElse(-1);
        return new ProcessorStatus(
                processor.getName(),
                processor.isRunning(),
                tokenStore.fetchSegments(processor.getName()).length,
                claimed.size(),
                position,
                head,
                Math.max(0, head - position),
                projections.replaying(processor.getName()),
                processor.isError());
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
