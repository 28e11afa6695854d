package io.sidecar.prm.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
                    Processors.rebuilt(http).follow(Duration.ofMillis(250), Duration.ofMinutes(30), loaded.events());
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
            audit(http, loaded, anyPartner, store);
            feed(http, store);
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

    /**
     * The audit log's first pass over the bulk-loaded store (it is never rebuilt, so this is the figure a new
     * installation over an existing store meets), then the auditors' reads: a page of history, the state as of now
     * rebuilt from the event store, one partner's verification, and the whole store's verification once.
     */
    private void audit(Http http, BulkLoader.Loaded loaded, Supplier<String> anyPartner, String store)
            throws Exception {
        Processors.Reading[] span =
                Processors.auditLog(http).follow(Duration.ofMillis(250), Duration.ofMinutes(30), loaded.events());
        double seconds = (span[1].nanos() - span[0].nanos()) / 1e9;
        report.add(new Report.Row(
                "audit log: first recording of the query store",
                (span[1].position() - Math.max(0, span[0].position())) / Math.max(seconds, 1e-3),
                "events/s",
                null,
                null,
                null,
                null,
                (Processors.caughtUp(span[1]) ? "caught up in " : "followed for ") + Report.number(seconds)
                        + " s after the read models; " + store));
        if (!Processors.caughtUp(span[1])) {
            return;
        }
        query(
                http,
                "audit: GET /api/partners/{id}/history (page of 50)",
                () -> anyPartner.get() + "/history?size=50",
                null,
                null,
                store);
        query(
                http,
                "audit: GET /api/partners/{id}/state?asOf=now (rebuilt from the event store)",
                () -> anyPartner.get() + "/state?asOf=" + Instant.now(),
                null,
                null,
                store);
        query(
                http,
                "audit: GET /api/audit/verify?partnerId= (one partner's streams)",
                () -> "/api/audit/verify?partnerId=" + anyPartner.get().substring("/api/partners/".length()),
                null,
                null,
                store);
        long began = System.nanoTime();
        Http.Answer everything = http.get("/api/audit/verify", Duration.ofMinutes(30));
        double verifySeconds = (System.nanoTime() - began) / 1e9;
        if (!everything.ok() || !everything.json().get("verified").asBoolean()) {
            throw new IllegalStateException("verification of the whole store failed: " + everything.status());
        }
        report.add(new Report.Row(
                "audit: GET /api/audit/verify (the whole store, one request)",
                everything.json().get("eventsChecked").asLong() / verifySeconds,
                "events/s",
                null,
                null,
                null,
                null,
                everything.json().get("eventsChecked").asLong() + " events in " + Report.number(verifySeconds) + " s; "
                        + store));
    }

    /** The integration feed read from the first event to the last, a page of 1,000 at a time, by one consumer. */
    private void feed(Http http, String store) {
        long began = System.nanoTime();
        long events = 0;
        String after = "";
        while (true) {
            Http.Answer page = http.get("/api/events?limit=1000" + after, Duration.ofMinutes(5));
            if (!page.ok()) {
                throw new IllegalStateException("GET /api/events answered " + page.status());
            }
            int read = page.json().get("events").size();
            if (read == 0) {
                break;
            }
            events += read;
            after = "&after=" + page.json().get("next").asText();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        report.add(new Report.Row(
                "integration: GET /api/events (the whole store, pages of 1,000, one consumer)",
                events / seconds,
                "events/s",
                null,
                null,
                null,
                null,
                events + " events in " + Report.number(seconds) + " s; " + store));
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
