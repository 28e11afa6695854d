package io.sidecar.prm.query.readmodel;

import java.time.Duration;

/**
 * Wakes up readers waiting for a read model to catch up ({@code minVersion}) as soon as a batch is written in this
 * process. Waits are short and bounded, so a reader also sees changes written by another query-side instance.
 */
public class ReadModelUpdates {

    private long generation;

    synchronized void changed() {
        generation++;
        notifyAll();
    }

    /** A number that changes whenever a batch is written in this process. */
    public synchronized long generation() {
        return generation;
    }

    /** Waits until the next write in this process, or at most {@code max}. */
    public synchronized void awaitChange(Duration max) throws InterruptedException {
        long seen = generation;
        long deadline = System.nanoTime() + max.toNanos();
        while (generation == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
