package io.sidecar.prm.query.dashboard;

import io.sidecar.prm.query.readmodel.ProjectionStatus;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A user bound to one partner gets that partner's own figures ({@link DashboardScope}), and a new event only when
 * they change: that others wrote is none of its business.
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
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "dashboard-stream");
        thread.setDaemon(true);
        return thread;
    });
    // touched on the timer's thread only
    private long sentGeneration = -1;
    private final Map<DashboardScope, Dashboard> sent = new HashMap<>();
    private long computedAt;
    private long wroteAt;
    private boolean replaying;

    /** One open stream and whose figures it gets. */
    private record Subscriber(SseEmitter emitter, DashboardScope scope) {}

    DashboardStream(QueryGateway queries, ReadModelUpdates updates, ProjectionStatus projections, Clock clock) {
        this.queries = queries;
        this.updates = updates;
        this.projections = projections;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * A new subscriber to the figures of {@code scope}; the stream stays open until the client goes or the
     * application stops.
     */
    SseEmitter subscribe(DashboardScope scope) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = new Subscriber(emitter, scope);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(failure -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        timer.execute(() -> {
            try {
                Dashboard last = sent.get(scope);
                Dashboard current = last != null && sentGeneration == updates.generation() ? last : compute(scope);
                sendReplaying(List.of(subscriber), projections.replaying(SERVED_FROM));
                send(List.of(subscriber), current);
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
                sent.clear();
                return;
            }
            boolean rebuilding = projections.replaying(SERVED_FROM);
            if (rebuilding != replaying) {
                replaying = rebuilding;
                sendReplaying(subscribers, rebuilding);
            }
            long now = System.nanoTime();
            boolean written = updates.generation() != sentGeneration;
            if (written || now - computedAt >= RECOMPUTE.toNanos()) {
                long generation = updates.generation();
                Map<DashboardScope, List<Subscriber>> byScope = new LinkedHashMap<>();
                subscribers.forEach(
                        subscriber -> byScope.computeIfAbsent(subscriber.scope(), scope -> new ArrayList<>())
                                .add(subscriber));
                sent.keySet().retainAll(byScope.keySet());
                byScope.forEach((scope, readers) -> {
                    Dashboard current = compute(scope);
                    // a partner user's stream moves only with its own figures, not with every write of others
                    boolean announce = written && !scope.onePartner();
                    if (announce || !current.sameFiguresAs(sent.get(scope))) {
                        send(readers, current);
                        sent.put(scope, current);
                    }
                });
                sentGeneration = generation;
            } else if (now - wroteAt >= HEARTBEAT.toNanos()) {
                heartbeat();
            }
        } catch (RuntimeException failure) {
            // the next tick tries again; a failing read-model store must not end the stream's timer
            log.warn("could not update the dashboard stream: {}", failure.toString());
        }
    }

    private Dashboard compute(DashboardScope scope) {
        computedAt = System.nanoTime();
        return queries.query(scope.dashboardQuery(clock.instant()), ResponseTypes.instanceOf(Dashboard.class))
                .join();
    }

    private void send(List<Subscriber> readers, Dashboard dashboard) {
        wroteAt = System.nanoTime();
        for (Subscriber reader : readers) {
            try {
                reader.emitter().send(SseEmitter.event().name("dashboard").data(dashboard, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(reader);
            }
        }
    }

    /** Tells whether the figures are incomplete: the partner read model is being rebuilt (ADR 007). */
    private void sendReplaying(List<Subscriber> readers, boolean rebuilding) {
        for (Subscriber reader : readers) {
            try {
                reader.emitter().send(SseEmitter.event().name("replaying").data(Boolean.toString(rebuilding)));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(reader);
            }
        }
    }

    private void heartbeat() {
        wroteAt = System.nanoTime();
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter().send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException gone) {
                subscribers.remove(subscriber);
            }
        }
    }

    /** Ends every stream before the web server's graceful shutdown would wait for them. */
    @EventListener(ContextClosedEvent.class)
    void close() {
        timer.shutdownNow();
        subscribers.forEach(subscriber -> subscriber.emitter().complete());
        subscribers.clear();
    }
}
