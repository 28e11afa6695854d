package io.sidecar.prm.query.dashboard;

import io.sidecar.prm.query.readmodel.ProjectionStatus;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard as a live stream (Server-Sent Events): each subscriber gets the dashboard at once, then again
 * whenever a read-model batch is written in this process (checked every {@value #TICK_MILLIS} ms), and otherwise
 * whenever a fresh computation every {@code RECOMPUTE} shows other figures (the calendar moved, or another
 * query-side instance wrote). A comment line every {@code HEARTBEAT} keeps proxies from closing an idle stream
 * and finds subscribers that went away. An event named {@code replaying} ({@code true} or {@code false}) comes
 * first and whenever that changes: while it is {@code true} the figures are those of a read model being rebuilt.
 */
@Component
class DashboardStream {

    static final long TICK_MILLIS = 250;
    /** The read model the dashboard is summed from. */
    static final String SERVED_FROM = "partner-summary";

    static final Duration RECOMPUTE = Duration.ofSeconds(2);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(DashboardStream.class);

    private final QueryGateway queries;
    private final ReadModelUpdates updates;
    private final ProjectionStatus projections;
    private final Clock clock;
    private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dashboard-stream");
        thread.setDaemon(true);
        return thread;
    });
    private long sentGeneration = -1;
    private Dashboard sent;
    private long computedAt;
    private long wroteAt;
    private boolean replaying;

    DashboardStream(QueryGateway queries, ReadModelUpdates updates, ProjectionStatus projections, Clock clock) {
        this.queries = queries;
        this.updates = updates;
        this.projections = projections;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A new subscriber; the stream stays open until the client goes or the application stops. */
    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(failure -> subscribers.remove(emitter));
        subscribers.add(emitter);
        timer.execute(() -> {
            try {
                Dashboard current = sent != null && sentGeneration == updates.generation() ? sent : compute();
                sendReplaying(List.of(emitter), projections.replaying(SERVED_FROM));
                send(List.of(emitter), current);
            } catch (RuntimeException failure) {
                // the client's EventSource connects again, and gets its first dashboard then
                emitter.completeWithError(failure);
            }
        });
        return emitter;
    }

    private void tick() {
        try {
            if (subscribers.isEmpty()) {
                sent = null;
                return;
            }
            boolean rebuilding = projections.replaying(SERVED_FROM);
            if (rebuilding != replaying) {
                sendReplaying(subscribers, rebuilding);
            }
            long now = System.nanoTime();
            boolean written = updates.generation() != sentGeneration;
            if (written || now - computedAt >= RECOMPUTE.toNanos()) {
                long generation = updates.generation();
                Dashboard current = compute();
                if (written || !current.sameFiguresAs(sent)) {
                    send(subscribers, current);
                    sent = current;
                }
                sentGeneration = generation;
            } else if (now - wroteAt >= HEARTBEAT.toNanos()) {
                heartbeat();
            }
        } catch (RuntimeException failure) {
            // the next tick tries again; a failing read-model store must not end the stream's timer
            log.warn("could not update the dashboard stream: {}", failure.toString());
        }
    }

    private Dashboard compute() {
        computedAt = System.nanoTime();
        return queries.query(new FindDashboardQuery(clock.instant()), ResponseTypes.instanceOf(Dashboard.class))
                .join();
    }

    private void send(List<SseEmitter> emitters, Dashboard dashboard) {
        wroteAt = System.nanoTime();
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name("dashboard").data(dashboard, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(emitter);
            }
        }
    }

    /** Tells whether the figures are incomplete: the partner read model is being rebuilt (ADR 007). */
    private void sendReplaying(List<SseEmitter> emitters, boolean rebuilding) {
        if (emitters == subscribers) {
            replaying = rebuilding;
        }
        for (SseEmitter emitter : emitters) {
            try {
                emitter.send(SseEmitter.event().name("replaying").data(Boolean.toString(rebuilding)));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(emitter);
            }
        }
    }

    private void heartbeat() {
        wroteAt = System.nanoTime();
        for (SseEmitter emitter : subscribers) {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(emitter);
            }
        }
    }

    /** Ends every stream before the web server's graceful shutdown would wait for them. */
    @EventListener(ContextClosedEvent.class)
    void close() {
        timer.shutdownNow();
        subscribers.forEach(SseEmitter::complete);
        subscribers.clear();
    }
}
