package io.sidecar.prm.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Reads under load on a store of the size the issue names (10,000 partners, 100,000 deals in full): the store is
 * bulk-loaded, the product builds its read models from it (a first, smaller rebuild figure), then N readers send
 * each kind of query in turn.
 */
final class QueryPhase {

    private final Options options;
    private final Report report;
    private final CeilingFigures ceilings;

    QueryPhase(Options options, Report report, CeilingFigures ceilings) {
        this.options = options;
        this.report = report;
        this.ceilings = ceilings;
    }

    void run(Path dataDir) throws Exception {
        Scale scale = options.scale();
        System.out.println("Queries, on " + dataDir);
        BulkLoader.Loaded loaded =
                BulkLoader.createAndLoad(options.product(), dataDir, scale.queryPartners(), Scale.DEALS_PER_PARTNER);
        String store = loaded.partnerIds().size() + " active partners, "
                + (long) loaded.partnerIds().size() * Scale.DEALS_PER_PARTNER + " deals";
        try (Product product =
                Product.start(options.product(), dataDir, options.results().resolve("query-product.log"), List.of())) {
            Http http = new Http(product.port());
            Processors.Reading[] span =
                    new Processors(http).follow(Duration.ofMillis(250), Duration.ofMinutes(30), loaded.events());
            RebuildPhase.rebuildRow(report, ceilings, span, loaded.events(), "the query store, " + store);
            Supplier<String> anyPartner = () -> "/api/partners/"
                    + loaded.partnerIds()
                            .get(ThreadLocalRandom.current()
                                    .nextInt(loaded.partnerIds().size()));
            query(
                    http,
                    "query: GET /api/partners/{id}",
                    anyPartner,
                    "(d) find by _id",
                    ceilings.mongoFindById(),
                    store);
            query(
                    http,
                    "query: GET /api/partners?region=&type=&sort=name,asc (page of 50)",
                    QueryPhase::filteredPage,
                    "(d) filtered page",
                    ceilings.mongoFilteredPage(),
                    store);
            // served from a computation shared by all readers while nothing changes (at most 1 s old)
            query(http, "query: GET /api/dashboard", () -> "/api/dashboard", null, null, store);
            // computed at every request over every partner: what the dashboard costs after each change
            query(
                    http,
                    "query: GET /api/dashboard/leaderboard (every partner, each time)",
                    () -> "/api/dashboard/leaderboard?limit=10",
                    "(d) filtered page",
                    ceilings.mongoFilteredPage(),
                    store);
            query(
                    http,
                    "query: GET /api/partners?atRisk=true (page of 50, health of every active partner)",
                    () -> "/api/partners?atRisk=true&size=50",
                    "(d) filtered page",
                    ceilings.mongoFilteredPage(),
                    store);
            report.add(new Report.Row(
                    "footprint: resident memory after the queries",
                    product.residentBytes() / 1024.0 / 1024.0,
                    "MiB",
                    null,
                    null,
                    null,
                    null,
                    "the README command, default heap settings; " + store));
            product.stop();
        }
        RebuildPhase.sizeRows(report, dataDir, loaded.events(), "the query store");
    }

    private static String filteredPage() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "/api/partners?region=" + Workload.REGIONS.get(random.nextInt(Workload.REGIONS.size())) + "&type="
                + Workload.TYPES.get(random.nextInt(Workload.TYPES.size())) + "&sort=name,asc&size=50";
    }

    private void query(Http http, String what, Supplier<String> paths, String ceilingName, Double ceiling, String store)
            throws Exception {
        QueryLoad.Result result =
                QueryLoad.run(http, options.clients(), options.scale().queryTime(), paths);
        if (result.errors() > 0) {
            throw new IllegalStateException(
                    result.errors() + " queries failed in '" + what + "', first: " + result.firstError());
        }
        report.add(new Report.Row(
                what,
                result.perSecond(),
                "queries/s",
                result.latency().percentileMillis(50),
                result.latency().percentileMillis(99),
                ceilingName,
                ceiling,
                options.clients() + " readers, " + store));
    }
}
