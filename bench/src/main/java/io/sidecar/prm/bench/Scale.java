package io.sidecar.prm.bench;

import java.time.Duration;

/**
 * How big and how long a run is.
 *
 * @param warmUp          commands sent before anything is measured, so the JIT has compiled the hot paths
 * @param sequentialTime  how long one client writes
 * @param concurrentTime  how long N clients write (sustained load)
 * @param queryPartners   partners in the query store, each with {@link #DEALS_PER_PARTNER} deals
 * @param queryTime       how long each kind of query runs
 * @param rebuildPartners partners in the store that is rebuilt, ten events each (1,000,000 events in full)
 * @param rebuildWindow   the longest the rebuild is followed; a slower rebuild is reported at its rate so far
 */
record Scale(
        String name,
        Duration warmUp,
        Duration sequentialTime,
        Duration concurrentTime,
        int queryPartners,
        Duration queryTime,
        int rebuildPartners,
        Duration rebuildWindow) {

    /** The query store's proportion: ten deals per partner (10,000 partners, 100,000 deals in full). */
    static final int DEALS_PER_PARTNER = 10;

    static final Scale FULL = new Scale(
            "full",
            Duration.ofSeconds(20),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            10_000,
            Duration.ofSeconds(20),
            100_000,
            Duration.ofSeconds(150));
    static final Scale QUICK = new Scale(
            "quick",
            Duration.ofSeconds(5),
            Duration.ofSeconds(8),
            Duration.ofSeconds(15),
            500,
            Duration.ofSeconds(4),
            2_000,
            Duration.ofSeconds(15));

    /** Five partner events (onboarded, three steps, activated) and five deals per loaded partner. */
    int rebuildDealsPerPartner() {
        return 5;
    }
}
