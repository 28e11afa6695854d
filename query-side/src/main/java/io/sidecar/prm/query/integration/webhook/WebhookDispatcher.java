package io.sidecar.prm.query.integration.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.sidecar.prm.query.integration.EventFeed;
import io.sidecar.prm.query.integration.FeedCursors;
import io.sidecar.prm.query.integration.webhook.WebhookDelivery.DeliveryStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers each subscription's events, in order, on a pool of its own. Every {@code poll-interval} it looks at the
 * subscriptions and hands each one with something due to a worker, one step at a time and never two steps of one
 * subscription at once. A worker reads the store and writes MongoDB; the HTTP request itself waits on no worker, so
 * receivers that are slow or never answer hold up only their own subscriptions. A step first re-sends a delivery an operator asked for, else tries the delivery in flight
 * when its retry is due, else reads the subscription's next event from the feed and tries it. A delivery that fails
 * waits for the next wait of the retry schedule; after the last it is parked as failed and the subscription goes on.
 * Everything a step decides is in MongoDB before the next step, so a restart resumes where it stopped: at worst the
 * delivery in flight is sent once more (at least once; receivers drop repeats by {@code webhook-id}).
 */
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookStore store;
    private final EventFeed feed;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private static final CompletableFuture<Boolean> MOVED_ON = CompletableFuture.completedFuture(true);
    private static final CompletableFuture<Boolean> STAY = CompletableFuture.completedFuture(false);
    /** How often a subscription whose cursor has gaps looks for events that filled them, with nothing newer. */
    private static final Duration GAP_CHECK = Duration.ofSeconds(1);
    /** How long a stop waits for the steps under way. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> gapChecks = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private ThreadPoolExecutor workers;
    private volatile boolean running;
    private volatile boolean stopped;

    WebhookDispatcher(
            WebhookStore store,
            EventFeed feed,
            WebhookSender sender,
            WebhookProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.store = store;
        this.feed = feed;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void start() {
        AtomicInteger counter = new AtomicInteger();
        int size = Math.max(1, properties.workers());
        workers = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "webhook-delivery-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "webhook-dispatcher");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(10, properties.pollInterval().toMillis());
        stopped = false;
        running = true;
        timer.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops looking for work and lets the steps under way finish; an answer that comes later is not recorded, so that
     * attempt does not count and is made again after a restart. Nothing is interrupted: a thread interrupted while
     * it reads the embedded (H2) event store would close the store's file for the whole process.
     */
    @Override
    public void stop() {
        running = false;
        stopped = true;
        timer.shutdown();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("webhook delivery steps still running at shutdown; they are made again after a restart");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the web server and the stores stop (which stop in later phases), after they start. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    private void tick() {
        try {
            List<WebhookSubscription> subscriptions = store.subscriptions();
            if (subscriptions.isEmpty()) {
                return;
            }
            long head = feed.headPosition();
            Instant now = clock.instant();
            long nanos = System.nanoTime();
            for (WebhookSubscription subscription : subscriptions) {
                Long lastGapCheck = gapChecks.get(subscription.id());
                boolean gapsDue = lastGapCheck == null || nanos - lastGapCheck >= GAP_CHECK.toNanos();
                if (!running || !due(subscription, head, now, gapsDue) || !busy.add(subscription.id())) {
                    continue;
                }
                if (FeedCursors.hasGaps(subscription.cursor())) {
                    gapChecks.put(subscription.id(), nanos);
                }
                workers.execute(() -> run(subscription.id()));
            }
        } catch (RuntimeException failure) {
            // the next tick tries again; a failing store must not end the dispatcher's timer
            log.warn("could not look for webhook deliveries: {}", failure.toString());
        }
    }

    /**
     * Steps the subscription on a worker for as long as each step moves it on (an event delivered, parked or
     * skipped), so a backlog goes out as fast as the receiver takes it rather than one event per tick.
     */
    private void run(String subscriptionId) {
        CompletableFuture<Boolean> step;
        try {
            step = step(subscriptionId);
        } catch (RuntimeException failure) {
            step = CompletableFuture.failedFuture(failure);
        }
        step.whenComplete((movedOn, failure) -> {
            if (failure != null && running) {
                log.warn("webhook subscription {}: a delivery step failed: {}", subscriptionId, failure.toString());
            }
            if (failure == null && Boolean.TRUE.equals(movedOn) && running) {
                try {
                    workers.execute(() -> run(subscriptionId));
                    return;
                } catch (RejectedExecutionException stopping) {
                    // the pool is shutting down: the next start picks the subscription up
                }
            }
            busy.remove(subscriptionId);
        });
    }

    /**
     * Whether a step could do something now: a re-send (whatever the delivery in flight waits for), a retry that is
     * due, events past its cursor, or (now and then) events that may have filled the gaps its cursor waits for.
     */
    static boolean due(WebhookSubscription subscription, long head, Instant now, boolean gapsDue) {
        if (!subscription.resendQueue().isEmpty()) {
            return true;
        }
        if (subscription.nextAttemptAt() != null && subscription.nextAttemptAt().isAfter(now)) {
            return false;
        }
        return subscription.current() != null
                || head > FeedCursors.position(subscription.cursor())
                || (gapsDue && FeedCursors.hasGaps(subscription.cursor()));
    }

    /**
     * One step of one subscription; completes when the attempt it made (if any) has been recorded, with whether the
     * subscription moved on (and so may have more to do at once).
     */
    CompletableFuture<Boolean> step(String subscriptionId) {
        Optional<WebhookSubscription> found = store.subscription(subscriptionId);
        if (found.isEmpty()) {
            return STAY;
        }
        WebhookSubscription subscription = found.get();
        Instant now = clock.instant();
        if (!subscription.resendQueue().isEmpty()) {
            String eventId = subscription.resendQueue().get(0);
            Optional<WebhookDelivery> resend = store.delivery(subscriptionId, eventId);
            if (resend.isEmpty() || resend.get().done()) {
                store.dropResend(subscriptionId, eventId);
                return MOVED_ON;
            }
            return waiting(resend.get(), now) ? STAY : attempt(subscription, resend.get(), null, true);
        }
        if (subscription.current() != null) {
            Optional<WebhookDelivery> current = store.delivery(subscriptionId, subscription.current());
            if (current.isEmpty()) {
                // written by a step that stopped before the delivery's record: read the event again from the cursor
                store.finishCurrent(subscriptionId, subscription.cursor());
                return MOVED_ON;
            }
            if (current.get().done()) {
                store.finishCurrent(subscriptionId, current.get().after());
                return MOVED_ON;
            }
            if (waiting(current.get(), now)) {
                store.waitUntil(subscriptionId, current.get().nextAttemptAt());
                return STAY;
            }
            return attempt(subscription, current.get(), null, false);
        }
        EventFeed.FeedPage next = feed.read(subscription.cursor(), 1, Set.copyOf(subscription.types()));
        if (next.events().isEmpty()) {
            if (next.next() != null && !next.next().equals(subscription.cursor())) {
                store.skip(subscriptionId, next.next());
            }
            return STAY;
        }
        EventFeed.FeedEvent event = next.events().get(0);
        WebhookDelivery delivery = new WebhookDelivery(
                WebhookDelivery.key(subscriptionId, event.eventId()),
                subscriptionId,
                event.eventId(),
                event.event().getType(),
                sequence(event),
                event.before(),
                event.cursor(),
                DeliveryStatus.PENDING,
                0,
                now,
                null,
                now,
                null,
                null,
                null);
        if (!store.start(delivery)) {
            return STAY; // the subscription was deleted meanwhile
        }
        return attempt(subscription, delivery, event, false);
    }

    private static boolean waiting(WebhookDelivery delivery, Instant now) {
        return delivery.nextAttemptAt() != null && delivery.nextAttemptAt().isAfter(now);
    }

    /**
     * Sends the delivery's event (read again from the store for a retry, so that it shows as it is now) and records
     * what came of it on a worker. An event the store no longer has is parked at once; a store that does not answer
     * is a failed attempt like any other.
     */
    private CompletableFuture<Boolean> attempt(
            WebhookSubscription subscription, WebhookDelivery delivery, EventFeed.FeedEvent read, boolean resend) {
        EventFeed.FeedEvent event = read;
        if (event == null) {
            try {
                event = feed.find(delivery.before(), delivery.eventId()).orElse(null);
            } catch (RuntimeException unreadable) {
                return CompletableFuture.completedFuture(record(
                        delivery,
                        failed("could not read the event from the store: " + unreadable.getMessage()),
                        false,
                        resend));
            }
            if (event == null) {
                return CompletableFuture.completedFuture(
                        record(delivery, failed("the event is no longer in the event store"), true, resend));
            }
        }
        return sender.send(subscription, delivery.eventId(), feed.events().toJson(event.event()))
                .thenApplyAsync(outcome -> record(delivery, outcome, false, resend), recorder());
    }

    /** Where answers are recorded: the workers, or (a test stepping by hand) the thread that got the answer. */
    private Executor recorder() {
        ThreadPoolExecutor pool = workers;
        return pool != null ? pool : Runnable::run;
    }

    private static WebhookSender.Outcome failed(String error) {
        return WebhookSender.Outcome.failed(null, error);
    }

    /** Records an attempt; answers whether the delivery is done with (delivered or parked). */
    private boolean record(WebhookDelivery delivery, WebhookSender.Outcome outcome, boolean park, boolean resend) {
        if (stopped) {
            return false; // stopping: this attempt does not count, and is made again after a restart
        }
        Instant at = clock.instant();
        WebhookDelivery attempted;
        if (outcome.delivered()) {
            attempted = delivery.attempted(at, DeliveryStatus.DELIVERED, null, null, outcome.status());
        } else {
            List<Duration> schedule = properties.retrySchedule();
            int failures = delivery.attempts() + 1;
            boolean parked = park || failures > schedule.size();
            Instant retryAt = parked ? null : at.plus(schedule.get(failures - 1));
            attempted = delivery.attempted(
                    at,
                    parked ? DeliveryStatus.FAILED : DeliveryStatus.PENDING,
                    retryAt,
                    outcome.error(),
                    outcome.status());
        }
        if (resend) {
            store.resendAttempted(attempted);
        } else {
            store.attempted(attempted);
        }
        meters.counter(
                        "prm.webhooks.attempts",
                        "outcome",
                        attempted.status().name().toLowerCase(Locale.ROOT))
                .increment();
        return attempted.done();
    }

    private static long sequence(EventFeed.FeedEvent event) {
        Object sequence = event.event().getExtension("sequence");
        return sequence == null ? -1 : Long.parseLong(sequence.toString());
    }
}
