package io.sidecar.prm.command.demo;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Seeds an empty event store with the demo data once the application is ready (after the lookups were rebuilt at
 * start, with the HTTP server already answering), on a thread of its own. A store that holds any event is left
 * as it is, so a restart with {@code prm.demo-data=true} adds nothing.
 */
final class DemoDataSeeder implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final DemoPlanner planner;
    private final DemoRunner runner;
    private final Supplier<ProjectionPause> pause;
    private final EventStore eventStore;
    private final Clock clock;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Thread thread = new Thread(this::seed, "demo-data");

    DemoDataSeeder(
            DemoPlanner planner,
            DemoRunner runner,
            Supplier<ProjectionPause> pause,
            EventStore eventStore,
            Clock clock) {
        this.planner = planner;
        this.runner = runner;
        this.pause = pause;
        this.eventStore = eventStore;
        this.clock = clock;
        thread.setDaemon(true);
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (started.compareAndSet(false, true)) {
            thread.start();
        }
    }

    private void seed() {
        try {
            if (!storeIsEmpty()) {
                log.info("demo data: skipped, the event store already holds events (it seeds an empty store only)");
                return;
            }
            long start = System.nanoTime();
            DemoPlan plan = planner.plan(clock.instant());
            ProjectionPause paused = pause.get();
            log.info(
                    "demo data: seeding {} partners and {} deals, {} commands; {} wait until it is done",
                    plan.partners().size(),
                    plan.deals(),
                    plan.commands(),
                    paused.names());
            DemoRunner.Outcome outcome;
            try {
                outcome = runner.run(plan);
            } finally {
                if (!runner.stopped()) { // else the application is closing, and so are the processors
                    paused.resume();
                }
            }
            log.info(
                    "demo data: {} partners, {} deals, {} commands in {} s ({} refused); the read models catch up now",
                    plan.partners().size(),
                    plan.deals(),
                    outcome.sent(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9),
                    outcome.refused());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            log.warn("demo data: interrupted; the store holds part of the demo data");
        } catch (RuntimeException failed) {
            log.error("demo data: seeding failed", failed);
        }
    }

    /** No event at all: a JDBC store answers no head token, Axon Server one before its first event. */
    private boolean storeIsEmpty() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null || head.position().orElse(0) < 0;
    }

    @Override
    public void destroy() throws InterruptedException {
        runner.stop();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
