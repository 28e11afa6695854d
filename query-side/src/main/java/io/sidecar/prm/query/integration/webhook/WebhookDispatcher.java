package io.sidecar.prm.query.integration.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.sidecar.prm.query.integration.EventFeed;
import io.sidecar.prm.query.integration.webhook.WebhookDelivery.DeliveryStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
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
 * subscription at once. A step first re-sends a delivery an operator asked for, else tries the delivery in flight
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
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;
    private ThreadPoolExecutor workers;
    private volatile boolean running;

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
        running = true;
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops looking for work and interrupts the deliveries in flight; an interrupted attempt does not count. */
    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("webhook deliveries still in flight at shutdown; they are sent again after a restart");
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
            String head = feed.head();
            Instant now = clock.instant();
            for (WebhookSubscription subscription : store.subscriptions()) {
                if (!due(subscription, head, now) || !busy.add(subscription.id())) {
                    continue;
                }
                workers.execute(() -> {
                    try {
                        step(subscription.id());
                    } catch (RuntimeException failure) {
                        log.warn(
                                "webhook subscription {}: a delivery step failed: {}",
                                subscription.id(),
                                failure.toString());
                    } finally {
                        busy.remove(subscription.id());
                    }
                });
            }
        } catch (RuntimeException failure) {
            // the next tick tries again; a failing store must not end the dispatcher's timer
            log.warn("could not look for webhook deliveries: {}", failure.toString());
        }
    }

    /** Whether a step could do something now: a re-send, a retry that is due, or events past its cursor. */
    private static boolean due(WebhookSubscription subscription, String head, Instant now) {
        if (subscription.nextAttemptAt() != null && subscription.nextAttemptAt().isAfter(now)) {
            return false;
        }
        return subscription.current() != null
                || !subscription.resendQueue().isEmpty()
                || position(head) > position(subscription.cursor());
    }

    /** The highest position a cursor has seen (an event that fills one of its gaps waits for the next event). */
    private static long position(String cursor) {
        if (cursor == null) {
            return -1;
        }
        int gaps = cursor.indexOf('~');
        return Long.parseLong(gaps < 0 ? cursor : cursor.substring(0, gaps));
    }

    /** One step of one subscription. */
    void step(String subscriptionId) {
        Optional<WebhookSubscription> found = store.subscription(subscriptionId);
        if (found.isEmpty()) {
            return;
        }
        WebhookSubscription subscription = found.get();
        Instant now = clock.instant();
        if (!subscription.resendQueue().isEmpty()) {
            String eventId = subscription.resendQueue().get(0);
            Optional<WebhookDelivery> resend = store.delivery(subscriptionId, eventId);
            if (resend.isEmpty() || resend.get().done()) {
                store.dropResend(subscriptionId, eventId);
            } else if (isDue(resend.get(), now, subscriptionId)) {
                attempt(subscription, resend.get(), null, true);
            }
            return;
        }
        if (subscription.current() != null) {
            Optional<WebhookDelivery> current = store.delivery(subscriptionId, subscription.current());
            if (current.isEmpty()) {
                // its record is gone (cannot happen through the API): read the event again from where it was
                store.finishCurrent(subscriptionId, subscription.cursor());
            } else if (current.get().done()) {
                store.finishCurrent(subscriptionId, current.get().after());
            } else if (isDue(current.get(), now, subscriptionId)) {
                attempt(subscription, current.get(), null, false);
            }
            return;
        }
        EventFeed.FeedPage next = feed.read(subscription.cursor(), 1, Set.copyOf(subscription.types()));
        if (next.events().isEmpty()) {
            if (next.next() != null && !next.next().equals(subscription.cursor())) {
                store.skip(subscriptionId, next.next());
            }
            return;
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
        store.start(subscription, delivery, event.before());
        attempt(subscription, delivery, event, false);
    }

    private boolean isDue(WebhookDelivery delivery, Instant now, String subscriptionId) {
        if (delivery.nextAttemptAt() != null && delivery.nextAttemptAt().isAfter(now)) {
            store.waitUntil(subscriptionId, delivery.nextAttemptAt());
            return false;
        }
        return true;
    }

    private void attempt(
            WebhookSubscription subscription, WebhookDelivery delivery, EventFeed.FeedEvent read, boolean resend) {
        EventFeed.FeedEvent event = read;
        if (event == null) {
            event = feed.find(delivery.before(), delivery.eventId()).orElse(null);
        }
        WebhookSender.Outcome outcome;
        if (event == null) {
            outcome = WebhookSender.Outcome.failed(null, "the event is no longer in the event store");
        } else {
            try {
                outcome = sender.send(
                        subscription, delivery.eventId(), feed.events().toJson(event.event()));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Instant at = clock.instant();
        WebhookDelivery attempted;
        if (outcome.delivered()) {
            attempted = delivery.attempted(at, DeliveryStatus.DELIVERED, null, null, outcome.status());
        } else {
            List<Duration> schedule = properties.retrySchedule();
            int failures = delivery.attempts() + 1;
            boolean parked = event == null || failures > schedule.size();
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
                        attempted.status().name().toLowerCase())
                .increment();
    }

    private static long sequence(EventFeed.FeedEvent event) {
        Object sequence = event.event().getExtension("sequence");
        return sequence == null ? -1 : Long.parseLong(sequence.toString());
    }
}
