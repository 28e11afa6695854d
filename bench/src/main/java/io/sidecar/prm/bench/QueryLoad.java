package io.sidecar.prm.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** N readers sending one kind of query back to back for a fixed time. */
final class QueryLoad {

    record Result(long queries, long errors, String firstError, double seconds, Latency latency) {
        double perSecond() {
            return queries / seconds;
        }
    }

    private QueryLoad() {}

    static Result run(Http http, int readers, Duration duration, Supplier<String> paths) throws Exception {
        Latency latency = new Latency();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        Http.Answer answer = http.get(paths.get());
                        if (answer.ok()) {
                            latency.recordSince(sent);
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, answer.status() + " " + answer.body());
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return new Result(
                    latency.count(), errors.get(), firstError.get(), (System.nanoTime() - start) / 1e9, latency);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(70, TimeUnit.SECONDS);
        }
    }
}
