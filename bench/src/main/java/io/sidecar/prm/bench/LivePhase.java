package io.sidecar.prm.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The product taking commands: a warm-up, one client writing, then N clients writing (sustained load, with the lag
 * probe and a flight recording), and the lag after the last command.
 */
final class LivePhase {

    private final Options options;
    private final Report report;
    private final CeilingFigures ceilings;

    LivePhase(Options options, Report report, CeilingFigures ceilings) {
        this.options = options;
        this.report = report;
        this.ceilings = ceilings;
    }

    void run(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        Scale scale = options.scale();
        System.out.println("Writes, on " + dataDir);
        // deep stacks (Spring MVC, Axon, the Mongo driver) would be cut at JFR's default depth of 64
        List<String> jvm = options.profile() ? List.of("-XX:FlightRecorderOptions:stackdepth=256") : List.of();
        try (Product product =
                Product.start(options.product(), dataDir, options.results().resolve("live-product.log"), jvm)) {
            Http http = new Http(product.port());
            Workload workload = new Workload(UUID.randomUUID().toString().substring(0, 8));
            new WriteLoad(http, workload).run(options.clients(), scale.warmUp(), Scale.DEALS_PER_PARTNER);
            new Processors(http).awaitCaughtUp(Duration.ofMillis(50), Duration.ofMinutes(5));

            WriteLoad.Result one =
                    new WriteLoad(http, workload).run(1, scale.sequentialTime(), Scale.DEALS_PER_PARTNER);
            writeRow("write, 1 client (" + Workload.MIX + ")", one, ceilings.h2InsertPerCommit());
            new Processors(http).awaitCaughtUp(Duration.ofMillis(50), Duration.ofMinutes(5));

            Path recording = options.results().resolve("write.jfr");
            if (options.profile()) {
                product.jcmd("JFR.start", "name=write", "settings=profile", "filename=" + recording);
            }
            WebhookReceiver receiver = new WebhookReceiver();
            long headBefore = new Processors(http).read().head();
            Http.Answer subscribed = http.post("/api/webhooks", "{\"url\": \"" + receiver.url() + "\"}");
            if (subscribed.status() != 201) {
                throw new IllegalStateException("POST /api/webhooks answered " + subscribed.status());
            }
            WriteLoad.Result many = new WriteLoad(http, workload)
                    .run(options.clients(), scale.concurrentTime(), Scale.DEALS_PER_PARTNER);
            afterLastCommand(http, many);
            webhookRows(http, receiver, headBefore, many);
            receiver.close();
            if (options.profile()) {
                product.jcmd("JFR.stop", "name=write");
                report.section(
                        "Profile of the write phase (" + options.clients() + " clients, JFR)",
                        JfrSummary.summarize(recording, 12));
            }
            writeRow(
                    "write, " + options.clients() + " clients (" + Workload.MIX + ")",
                    many,
                    ceilings.h2InsertPerCommitThreaded());
            report.add(new Report.Row(
                    "projection lag per command under that load (probe, minVersion)",
                    many.lag().percentileMillis(99),
                    "ms p99",
                    many.lag().percentileMillis(50),
                    many.lag().percentileMillis(99),
                    null,
                    null,
                    many.lag().count() + " probes, " + many.staleProbes() + " answered stale (5 s wait);"
                            + " includes one local round trip"));
            product.stop();
        }
    }

    private void writeRow(String what, WriteLoad.Result result, double ceiling) {
        if (result.errors() > 0) {
            throw new IllegalStateException(
                    result.errors() + " commands failed in '" + what + "', first: " + result.firstError());
        }
        report.add(new Report.Row(
                what,
                result.perSecond(),
                "commands/s",
                result.latency().percentileMillis(50),
                result.latency().percentileMillis(99),
                "(a) H2 row per commit" + (result.clients() > 1 ? ", 16 threads" : ""),
                ceiling,
                result.commands() + " commands in " + Report.number(result.seconds()) + " s"));
    }

    /**
     * One webhook subscriber (a local receiver that answers at once) followed the write load: when it had every
     * event recorded after it subscribed, counted from the last acknowledged command.
     */
    private void webhookRows(Http http, WebhookReceiver receiver, long headBefore, WriteLoad.Result many) {
        int expected = 0;
        String cursor = Long.toString(headBefore);
        while (true) {
            Http.Answer page = http.get("/api/events?limit=1000&after=" + cursor);
            int events = page.json().get("events").size();
            expected += events;
            cursor = page.json().get("next").asText();
            if (events == 0) {
                break;
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (receiver.events() < expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        double lagMillis = (receiver.lastNanos() - many.last().ackNanos()) / 1e6;
        report.add(new Report.Row(
                "webhook: one subscriber has every event after the last command",
                lagMillis,
                "ms",
                null,
                null,
                null,
                null,
                receiver.events() + " of " + expected + " events delivered (a local receiver answering 204 at once)"));
    }

    /** How long after the last acknowledged command its read shows it, and all processors reach the head. */
    private void afterLastCommand(Http http, WriteLoad.Result many) {
        WriteLoad.Ack last = many.last();
        Http.Answer read = http.get(last.path() + "?minVersion=" + last.version());
        double readMillis = (System.nanoTime() - last.ackNanos()) / 1e6;
        Processors.Reading caughtUp = new Processors(http).awaitCaughtUp(Duration.ofMillis(5), Duration.ofMinutes(10));
        double allMillis = (caughtUp.nanos() - last.ackNanos()) / 1e6;
        report.add(new Report.Row(
                "projection lag after the last command: its read shows it",
                readMillis,
                "ms",
                null,
                null,
                null,
                null,
                read.warning() == null ? "GET with minVersion" : "answered stale after the 5 s wait"));
        report.add(new Report.Row(
                "projection lag after the last command: every processor at the head",
                allMillis,
                "ms",
                null,
                null,
                null,
                null,
                "GET /api/admin/processors every 5 ms"));
    }
}
