package io.sidecar.prm.standalone;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap of a product running in its own process, as its metrics endpoint reports it: sampled as it is (which
 * includes garbage not yet collected), or right after a full collection asked for with the JDK's {@code jcmd}
 * (what is really held).
 */
final class HeapProbe {

    private static final String HEAP_USED = "/actuator/metrics/jvm.memory.used?tag=area:heap";

    private final StandaloneProcess app;
    private final PrmClient client;
    private final AtomicLong highestUsed = new AtomicLong();
    private ScheduledExecutorService sampler;

    HeapProbe(StandaloneProcess app, PrmClient client) {
        this.app = app;
        this.client = client;
    }

    /** The heap in use right after a full collection, in MiB. */
    long liveMib() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(app.pid()), "GC.run")
                .redirectErrorStream(true)
                .start();
        String output = new String(gc.getInputStream().readAllBytes());
        if (!gc.waitFor(30, TimeUnit.SECONDS) || gc.exitValue() != 0) {
            throw new IllegalStateException("jcmd GC.run failed: " + output);
        }
        return usedBytes() >> 20;
    }

    /** Samples the heap in use at this interval until {@link #stopSampling()}, keeping the highest. */
    void sampleEvery(Duration interval) {
        sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> highestUsed.accumulateAndGet(usedBytes(), Math::max),
                0,
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stopSampling() throws InterruptedException {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
    }

    long highestUsedMib() {
        return highestUsed.get() >> 20;
    }

    private long usedBytes() {
        PrmClient.Response metric = client.get(HEAP_USED);
        if (metric.status() != 200) {
            throw new IllegalStateException(HEAP_USED + " answered " + metric.status() + ": " + metric.body());
        }
        return metric.json().at("/measurements/0/value").asLong();
    }
}
