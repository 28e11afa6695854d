package io.sidecar.prm.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark's one command ({@code bench/run}, see bench/README.md): measures the raw stores' ceilings, then
 * drives the packaged product over HTTP and rebuilds its projections from a bulk-loaded store, and writes one
 * table of figures beside their ceilings to {@code bench/results/latest.md} and {@code latest.json}.
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        // the stores' INFO chatter (connections, collections) would bury the figures
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Options options = Options.parse(args);
        Files.createDirectories(options.results());
        Path work = Files.createTempDirectory("prm-bench-");
        long started = System.nanoTime();
        CpuSteal steal = CpuSteal.start();
        Report report = new Report();
        describeMachine(report, options);
        try {
            System.out.println("Ceilings (raw stores, in this JVM)");
            CeilingFigures ceilings = Ceilings.measure(work.resolve("ceilings"), options.quick());
            new LivePhase(options, report, ceilings).run(work.resolve("live"));
            Bench.delete(work.resolve("live"));
            new QueryPhase(options, report, ceilings).run(work.resolve("query"));
            Bench.delete(work.resolve("query"));
            new RebuildPhase(options, report, ceilings).run(work.resolve("rebuild"));
            addCeilingRows(report, ceilings);
        } finally {
            if (!options.keepData()) {
                delete(work);
            }
        }
        report.header("run took", String.format(Locale.ROOT, "%.0f s", (System.nanoTime() - started) / 1e9));
        report.header(
                "CPU steal during the run",
                String.format(
                        Locale.ROOT, "%.0f%% (time the hypervisor gave to other machines)", steal.percentSinceStart()));
        report.header("load generator", "runs on the same 2 cores as the product, as a separate JVM");
        report.write(options.results());
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written to " + options.results().resolve("latest.md") + " and latest.json");
    }

    private static void describeMachine(Report report, Options options) throws IOException {
        report.header("when", Instant.now().toString());
        report.header("mode", options.scale().name() + ", " + options.clients() + " concurrent clients");
        report.header(
                "machine",
                Runtime.getRuntime().availableProcessors() + " cores, " + memory() + " memory, "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        report.header(
                "JDK",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (the product runs on the same JDK)");
        report.header("bench JVM", ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    private static String memory() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.exists(meminfo)) {
            return "unknown";
        }
        long kib = Files.readAllLines(meminfo).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0);
        return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }

    private static void addCeilingRows(Report report, CeilingFigures c) {
        row(report, "ceiling (a): H2 insert, 1 row per commit, 1 thread", c.h2InsertPerCommit(), "rows/s");
        row(report, "ceiling (a): H2 insert, 1 row per commit, 16 threads", c.h2InsertPerCommitThreaded(), "rows/s");
        row(report, "ceiling (a): H2 insert, 500 rows per commit", c.h2InsertBatch500(), "rows/s");
        row(report, "ceiling (b): H2 read in global order, pages of 1,000", c.h2ReadGlobalOrder(), "rows/s");
        row(report, "ceiling (c): embedded Mongo upsert, 1 per call", c.mongoUpsertSingle(), "docs/s");
        row(report, "ceiling (c): embedded Mongo upsert, bulk of 500", c.mongoUpsertBulk500(), "docs/s");
        row(report, "ceiling (d): embedded Mongo find by _id", c.mongoFindById(), "queries/s");
        row(report, "ceiling (d): embedded Mongo filtered page of 50", c.mongoFilteredPage(), "queries/s");
    }

    private static void row(Report report, String what, double value, String unit) {
        report.add(new Report.Row(what, value, unit, null, null, null, null, null));
    }

    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }

    static long size(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
