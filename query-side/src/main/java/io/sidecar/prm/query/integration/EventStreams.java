package io.sidecar.prm.query.integration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams of the feed: each open stream follows the event store from its cursor on a thread of its own
 * (at most {@code prm.integration.stream.max-clients}), sends each event with its cursor as the SSE id, and a
 * comment when it has been silent for a heartbeat. A write that fails ends the stream: the client went away.
 */
public class EventStreams {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    /** The longest a stream waits for the store before it looks whether it should end. */
    static final long SLICE_MILLIS = 250;

    private final EventFeed feed;
    private final long heartbeatMillis;
    private final ThreadPoolExecutor threads;
    private final AtomicBoolean closing = new AtomicBoolean();

    public EventStreams(EventFeed feed, IntegrationProperties properties) {
        this.feed = feed;
        this.heartbeatMillis = Math.max(1, properties.stream().heartbeat().toMillis());
        AtomicInteger counter = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(
                0,
                Math.max(1, properties.stream().maxClients()),
                10,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "event-stream-" + counter.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** A stream of the events after the cursor (already checked), of the given types (any when empty). */
    SseEmitter open(String after, Set<String> types) {
        SseEmitter emitter = new SseEmitter(0L);
        AtomicBoolean open = new AtomicBoolean(true);
        emitter.onCompletion(() -> open.set(false));
        emitter.onTimeout(() -> open.set(false));
        emitter.onError(failure -> open.set(false));
        try {
            threads.execute(() -> follow(emitter, open, after, types));
        } catch (RejectedExecutionException full) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "too many live streams are open; try again later, or read the feed a page at a time");
            problem.setProperty("code", "stream.too-many-clients");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, full);
        }
        return emitter;
    }

    private void follow(SseEmitter emitter, AtomicBoolean open, String after, Set<String> types) {
        try (EventFeed.Reader reader = feed.open(after)) {
            long lastWrite = System.nanoTime();
            emitter.send(SseEmitter.event().comment("stream"));
            while (open.get() && !closing.get()) {
                long silent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastWrite);
                long wait = Math.min(SLICE_MILLIS, Math.max(0, heartbeatMillis - silent));
                Optional<EventFeed.FeedEvent> next = reader.next(wait, types);
                if (next.isPresent()) {
                    EventFeed.FeedEvent event = next.get();
                    String data = new String(feed.events().toJson(event.event()), StandardCharsets.UTF_8);
                    emitter.send(SseEmitter.event().id(event.cursor()).data(data));
                    lastWrite = System.nanoTime();
                } else if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastWrite) >= heartbeatMillis) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastWrite = System.nanoTime();
                }
            }
            emitter.complete();
        } catch (IOException | IllegalStateException gone) {
            // the client went away (or the stream was completed); nothing to answer
            emitter.completeWithError(gone);
        } catch (RuntimeException failure) {
            log.warn("a live event stream failed: {}", failure.toString());
            emitter.completeWithError(failure);
        }
    }

    /**
     * Ends every stream before the web server's graceful shutdown would wait for them. The threads are told, not
     * interrupted: one interrupted while it reads the embedded (H2) event store would close the store's file for
     * the whole process. Each looks at least every {@value #SLICE_MILLIS} ms.
     */
    @EventListener(ContextClosedEvent.class)
    public void close() {
        closing.set(true);
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
