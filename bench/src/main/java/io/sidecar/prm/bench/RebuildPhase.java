package io.sidecar.prm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rebuild: a store of at least a million events (full run) is bulk-loaded, the read-model file removed (every
 * projection reset), and the product started: its processors rebuild from the first event while their positions
 * are read from {@code GET /api/admin/processors}, for at most the scale's window.
 */
final class RebuildPhase {

    private final Options options;
    private final Report report;
    private final CeilingFigures ceilings;

    RebuildPhase(Options options, Report report, CeilingFigures ceilings) {
        this.options = options;
        this.report = report;
        this.ceilings = ceilings;
    }

    void run(Path dataDir) throws Exception {
        Scale scale = options.scale();
        System.out.println("Rebuild, on " + dataDir);
        BulkLoader.Loaded loaded = BulkLoader.createAndLoad(
                options.product(), dataDir, scale.rebuildPartners(), scale.rebuildDealsPerPartner());
        report.add(new Report.Row(
                "bulk load: events appended through Axon's JDBC storage engine",
                loaded.events() / loaded.seconds(),
                "events/s",
                null,
                null,
                "(a) H2 500 rows per commit",
                ceilings.h2InsertBatch500(),
                loaded.events() + " events, 500 per transaction (not the command path)"));
        Path recording = options.results().resolve("rebuild.jfr");
        List<String> jvm = new ArrayList<>();
        if (options.profile()) {
            jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
            jvm.add("-XX:StartFlightRecording=name=rebuild,settings=profile,filename=" + recording);
        }
        try (Product product =
                Product.start(options.product(), dataDir, options.results().resolve("rebuild-product.log"), jvm)) {
            Http http = new Http(product.port());
            Processors.Reading[] span =
                    Processors.rebuilt(http).follow(Duration.ofMillis(250), scale.rebuildWindow(), loaded.events());
            if (options.profile()) {
                product.jcmd("JFR.stop", "name=rebuild");
                report.section("Profile of the rebuild (JFR)", JfrSummary.summarize(recording, 12));
            }
            rebuildRow(report, ceilings, span, loaded.events(), "a store of " + loaded.events() + " events");
            if (Processors.caughtUp(span[1])) {
                check(http, loaded);
            }
            report.add(new Report.Row(
                    "footprint: resident memory during the rebuild",
                    product.residentBytes() / 1024.0 / 1024.0,
                    "MiB",
                    null,
                    null,
                    null,
                    null,
                    null));
            product.stop();
        }
        sizeRows(report, dataDir, loaded.events(), "the rebuild store");
    }

    /** The rate of a rebuild between two processor readings, and how long all of it takes (or would). */
    static void rebuildRow(
            Report report, CeilingFigures ceilings, Processors.Reading[] span, long events, String what) {
        Processors.Reading first = span[0];
        Processors.Reading last = span[1];
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        double rate = (last.position() - Math.max(0, first.position())) / Math.max(seconds, 1e-3);
        boolean done = Processors.caughtUp(last);
        String note = done
                ? "caught up in " + Report.number(seconds) + " s (rate between the first and last reading)"
                : "followed for " + Report.number(seconds) + " s, reached " + last.position()
                        + "; the whole would take about " + Report.number(events / rate / 60) + " min";
        report.add(new Report.Row(
                "rebuild: partner-summary + deals from " + what,
                rate,
                "events/s",
                null,
                null,
                "(b) H2 read in global order",
                ceilings.h2ReadGlobalOrder(),
                note + "; Mongo bulk ceiling " + Report.number(ceilings.mongoUpsertBulk500()) + " docs/s"));
    }

    /** The data directory's files per million events, after a clean stop. */
    static void sizeRows(Report report, Path dataDir, long events, String store) throws Exception {
        double perMillion = 1_000_000.0 / events / 1024 / 1024;
        report.add(new Report.Row(
                "footprint: event store per million events",
                Bench.size(dataDir.resolve("events.mv.db")) * perMillion,
                "MiB",
                null,
                null,
                null,
                null,
                "events.mv.db of " + store + " (" + events + " events)"));
        report.add(new Report.Row(
                "footprint: read models per million events",
                Bench.size(dataDir.resolve("read-models.mv.db")) * perMillion,
                "MiB",
                null,
                null,
                null,
                null,
                "read-models.mv.db of " + store + ", after a clean stop"));
    }

    /** The rebuilt read models hold what was loaded: a wrong figure is worse than none. */
    private static void check(Http http, BulkLoader.Loaded loaded) {
        JsonNode page = http.get("/api/partners?size=1").json();
        if (page.get("total").asLong() != loaded.partnerIds().size()) {
            throw new IllegalStateException("rebuilt " + page.get("total") + " partners, loaded "
                    + loaded.partnerIds().size());
        }
        String last = loaded.partnerIds().get(loaded.partnerIds().size() - 1);
        JsonNode partner = http.get("/api/partners/" + last).json();
        long deals = loaded.dealsPerPartner();
        if (partner.get("openDeals").asLong() != deals) {
            throw new IllegalStateException("partner " + last + " shows " + partner.get("openDeals")
                    + " open deals after the rebuild, " + deals + " were loaded");
        }
    }
}
