package io.sidecar.prm.query.admin;

import io.sidecar.prm.query.QuerySideConfiguration;
import io.sidecar.prm.query.readmodel.ProjectionStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a read model from the first event: stops its processor, resets its tokens (the projection's reset
 * handler empties the collection), starts it again. Only the projections can be replayed: the other processors
 * (the command side's policies, in one process) send commands, and replaying them would send them again.
 */
@Component
class ProcessorReplays {

    private static final Logger log = LoggerFactory.getLogger(ProcessorReplays.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProjectionStatus projections;

    ProcessorReplays(EventProcessingConfiguration processing, EventStore eventStore, ProjectionStatus projections) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.projections = projections;
    }

    /** Starts the replay; the refusal when it cannot, else empty. */
    synchronized Optional<ProblemDetail> replay(String name) {
        Optional<StreamingEventProcessor> found = processing.eventProcessor(name, StreamingEventProcessor.class);
        if (found.isEmpty()) {
            return Optional.of(problem(HttpStatus.NOT_FOUND, "processor.unknown", "no event processor named " + name));
        }
        if (!QuerySideConfiguration.PROJECTIONS.contains(name)) {
            return Optional.of(problem(
                    HttpStatus.CONFLICT,
                    "processor.not-replayable",
                    name + " is not a read model; only " + String.join(", ", QuerySideConfiguration.PROJECTIONS)
                            + " can be replayed"));
        }
        StreamingEventProcessor processor = found.get();
        CompletableFuture<Void> stopped = processor.shutdownAsync();
        try {
            stopped.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.of(startWhenStopped(processor, stopped));
        } catch (ExecutionException | TimeoutException failed) {
            return Optional.of(startWhenStopped(processor, stopped));
        }
        try {
            // readers are warned from before the reset empties the collection until the rebuild reaches the head
            TrackingToken head = eventStore.createHeadToken();
            projections.replayStarting(name, head == null ? -1 : head.position().orElse(-1));
            processor.resetTokens();
            log.info("replaying {} from the first event", name);
            return Optional.empty();
        } catch (UnableToClaimTokenException claimed) {
            projections.replayAbandoned(name);
            return Optional.of(problem(
                    HttpStatus.CONFLICT,
                    "processor.claimed-elsewhere",
                    "another query-side instance is processing " + name + "; stop it, or replay there"));
        } catch (RuntimeException failed) {
            // the reset handler may have emptied the collection already: it says "replaying" until a replay succeeds
            log.error("the replay of {} failed", name, failed);
            projections.replayFailed(name);
            return Optional.of(problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "processor.replay-failed",
                    "the replay of " + name + " failed (" + failed.getClass().getSimpleName()
                            + "); its answers say they may be incomplete until a replay succeeds: try again"));
        } finally {
            processor.start();
        }
    }

    /** A processor that did not stop in time is started again once it has stopped (a start while stopping is lost). */
    private static ProblemDetail startWhenStopped(StreamingEventProcessor processor, CompletableFuture<Void> stopped) {
        stopped.whenComplete((done, failure) -> processor.start());
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "processor.busy",
                processor.getName() + " did not stop within 30 s; nothing was reset, try again");
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
