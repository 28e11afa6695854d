package io.sidecar.prm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Turns a JFR recording of the product under load into a short Markdown section for the benchmark report: where
 * the CPU went (hot methods, and which of our, Axon's, H2's and the driver's calls dominate) and where threads
 * waited for each other. It answers "what limits the product here?" without opening JDK Mission Control.
 */
final class JfrSummary {

    private static final List<String> JDK_PACKAGES = List.of("java.", "jdk.", "sun.", "javax.");
    private static final List<String> PARK_MACHINERY = List.of("java.util.concurrent.", "jdk.internal.misc.");
    /** Frames at the bottom of every pool thread's stack: they would top the inclusive table and say nothing. */
    private static final Set<String> THREAD_ENTRIES = Set.of(
            "Thread.run",
            "ThreadPoolExecutor.runWorker",
            "ThreadPoolExecutor$Worker.run",
            "TaskThread$WrappingRunnable.run",
            "FastThreadLocalRunnable.run",
            "ThreadExecutorMap$2.run",
            "SingleThreadEventExecutor$4.run",
            "SingleThreadEventExecutor$5.run");

    /** Where pool threads outside java.util.concurrent wait for their next task. */
    private static final Set<String> IDLE_WAITS = Set.of(
            "TaskQueue.take", "TaskQueue.poll", "GlobalEventExecutor.takeTask", "SingleThreadEventExecutor.takeTask");

    private static final Duration IDLE_PARK = Duration.ofSeconds(5);

    private JfrSummary() {}

    /**
     * Summarizes a recording as Markdown, without a heading (the caller adds one).
     *
     * @param recording the {@code .jfr} file
     * @param top       how many rows each table shows
     */
    static String summarize(Path recording, int top) {
        try {
            if (!Files.isRegularFile(recording) || Files.size(recording) == 0) {
                return "No JFR recording at `" + recording + "`, so there is no profile for this run.\n";
            }
            Tally tally = read(recording);
            if (tally.events == 0) {
                return "The JFR recording at `" + recording + "` holds no events.\n";
            }
            return render(tally, top);
        } catch (IOException e) {
            return "The JFR recording at `" + recording + "` could not be read (" + e.getMessage() + ").\n";
        }
    }

    /** What the recording adds up to. */
    private static final class Tally {
        long events;
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        long samples;
        long truncatedSamples;
        final Map<String, Long> self = new HashMap<>();
        final Map<String, Long> inclusive = new HashMap<>();
        final Map<String, Wait> monitors = new HashMap<>();
        final Map<String, Wait> parks = new HashMap<>();
        long idleParks;
    }

    /** A count of waits and their total duration. */
    private static final class Wait {
        long count;
        Duration total = Duration.ZERO;

        void add(Duration duration) {
            count++;
            total = total.plus(duration);
        }
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    private static Tally read(Path recording) throws IOException {
        Tally tally = new Tally();
        // Streamed event by event: a profile of a long load run does not fit comfortably in memory as a list
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                tally.events++;
                if (event.getStartTime().isBefore(tally.first)) {
                    tally.first = event.getStartTime();
                }
                if (event.getEndTime().isAfter(tally.last)) {
                    tally.last = event.getEndTime();
                }
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> countSample(tally, event.getStackTrace());
                    case "jdk.JavaMonitorEnter" -> countMonitorEnter(tally, event);
                    case "jdk.ThreadPark" -> countPark(tally, event);
                    default -> {}
                }
            }
        }
        return tally;
    }

    private static void countSample(Tally tally, RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        tally.samples++;
        if (stack.isTruncated()) {
            tally.truncatedSamples++;
        }
        List<RecordedFrame> frames = stack.getFrames();
        tally.self.merge(methodName(frames.get(0)), 1L, Long::sum);
        // Recursion and repeated framework layers would otherwise count one sample several times for a method
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String method = methodName(frame);
            if (!isJdk(frame) && !THREAD_ENTRIES.contains(shortClassAndMethod(method)) && seen.add(method)) {
                tally.inclusive.merge(method, 1L, Long::sum);
            }
        }
    }

    private static void countMonitorEnter(Tally tally, RecordedEvent event) {
        RecordedClass monitor = event.getClass("monitorClass");
        String monitorName = monitor == null ? "?" : lastSegments(monitor.getName(), 3);
        RecordedStackTrace stack = event.getStackTrace();
        String where = firstFrame(stack, frame -> !isJdk(frame))
                .or(() -> firstFrame(stack, frame -> true))
                .map(frame -> shorten(methodName(frame)))
                .orElse("(no stack)");
        tally.monitors
                .computeIfAbsent(monitorName + "\u0000" + where, key -> new Wait())
                .add(event.getDuration());
    }

    private static void countPark(Tally tally, RecordedEvent event) {
        Optional<String> waiter = firstFrame(
                        event.getStackTrace(), frame -> !startsWithAny(typeName(frame), PARK_MACHINERY))
                .map(JfrSummary::methodName);
        // A pool thread waiting for its next task parks inside the pool (java.util.concurrent) right down to its
        // entry frame, or in a known task queue: that is idleness, not contention
        boolean idle = event.getDuration().compareTo(IDLE_PARK) > 0
                || waiter.map(JfrSummary::shortClassAndMethod)
                        .map(method -> THREAD_ENTRIES.contains(method) || IDLE_WAITS.contains(method))
                        .orElse(true);
        if (idle) {
            tally.idleParks++;
        } else {
            tally.parks
                    .computeIfAbsent(shorten(waiter.get()), key -> new Wait())
                    .add(event.getDuration());
        }
    }

    /** The first Java frame from the top that matches. */
    private static Optional<RecordedFrame> firstFrame(RecordedStackTrace stack, Predicate<RecordedFrame> wanted) {
        if (stack == null) {
            return Optional.empty();
        }
        return stack.getFrames().stream()
                .filter(frame -> frame.isJavaFrame() && wanted.test(frame))
                .findFirst();
    }

    private static boolean isJdk(RecordedFrame frame) {
        return startsWithAny(typeName(frame), JDK_PACKAGES);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }

    private static String typeName(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null || method.getType() == null
                ? ""
                : method.getType().getName();
    }

    /** {@code package.Class.method}; generated lambda classes lose their per-run suffix so that they group. */
    private static String methodName(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        if (method == null) {
            return "(unknown)";
        }
        String type = typeName(frame);
        int lambda = type.indexOf("$$Lambda");
        if (lambda >= 0) {
            type = type.substring(0, lambda + "$$Lambda".length());
        }
        return type + "." + method.getName();
    }

    /** Keeps the last two package segments: {@code query.partner.PartnerViewFold.on}. */
    private static String shorten(String qualifiedMethod) {
        return lastSegments(qualifiedMethod, 4);
    }

    private static String lastSegments(String dotted, int count) {
        List<String> parts = List.of(dotted.split("\\."));
        return String.join(".", parts.subList(Math.max(0, parts.size() - count), parts.size()));
    }

    private static String shortClassAndMethod(String qualifiedMethod) {
        String[] parts = qualifiedMethod.split("\\.");
        return parts.length < 2 ? qualifiedMethod : parts[parts.length - 2] + "." + parts[parts.length - 1];
    }

    // ---- rendering ---------------------------------------------------------------------------------------------

    private static String render(Tally tally, int top) {
        StringBuilder md = new StringBuilder();
        Duration span = tally.first.isAfter(tally.last) ? Duration.ZERO : Duration.between(tally.first, tally.last);
        md.append(String.format(
                Locale.ROOT,
                "The recording spans %.1f s (first to last event) and holds %,d execution samples.",
                span.toMillis() / 1000.0,
                tally.samples));
        if (tally.truncatedSamples > 0) {
            md.append(String.format(
                    Locale.ROOT,
                    " %.0f%% of the samples' stacks were cut at the recording's stack depth, so the inclusive"
                            + " counts are lower bounds.",
                    percent(tally.truncatedSamples, tally.samples)));
        }
        md.append("\n\n");
        if (tally.samples > 0) {
            renderSamples(md, "Hot methods (self)", tally.self, tally.samples, top);
            renderSamples(
                    md, "Hot code paths (inclusive, own and framework code)", tally.inclusive, tally.samples, top);
        } else {
            md.append("No execution samples: the recording was not started with a sampling profile.\n\n");
        }
        renderContention(md, tally, top);
        return md.toString();
    }

    private static void renderSamples(StringBuilder md, String title, Map<String, Long> counts, long total, int top) {
        md.append("**").append(title).append("**\n\n");
        md.append("| samples | % | method |\n|---:|---:|---|\n");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(top)
                .forEach(entry -> md.append(String.format(
                        Locale.ROOT,
                        "| %,d | %.1f | `%s` |%n",
                        entry.getValue(),
                        percent(entry.getValue(), total),
                        shorten(entry.getKey()))));
        md.append('\n');
    }

    private static void renderContention(StringBuilder md, Tally tally, int top) {
        md.append("**Lock contention**\n\n");
        md.append("Contended monitor enters (`jdk.JavaMonitorEnter`, only those above the recording's threshold),"
                + " by monitor class and the first non-JDK frame:\n\n");
        if (tally.monitors.isEmpty()) {
            md.append("None recorded.\n\n");
        } else {
            md.append("| count | total ms | monitor | where |\n|---:|---:|---|---|\n");
            byTotalTime(tally.monitors, top).forEach(entry -> {
                String[] key = entry.getKey().split("\u0000", 2);
                md.append(waitRow(entry.getValue(), "`" + key[0] + "` | `" + key[1] + "`"));
            });
            md.append('\n');
        }
        md.append(String.format(
                Locale.ROOT,
                "Thread parks (`jdk.ThreadPark`), by the code that waited (the first frame outside"
                        + " `java.util.concurrent` and `jdk.internal.misc`). Parks longer than %d s, and those of pool"
                        + " threads waiting for their next task, are left out as idleness (%,d of them).%n%n",
                IDLE_PARK.toSeconds(),
                tally.idleParks));
        if (tally.parks.isEmpty()) {
            md.append("None recorded.\n");
        } else {
            md.append("| count | total ms | waiting code |\n|---:|---:|---|\n");
            byTotalTime(tally.parks, top)
                    .forEach(entry -> md.append(waitRow(entry.getValue(), "`" + entry.getKey() + "`")));
        }
    }

    private static List<Map.Entry<String, Wait>> byTotalTime(Map<String, Wait> waits, int top) {
        return waits.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Wait> entry) -> entry.getValue().total)
                        .reversed())
                .limit(top)
                .toList();
    }

    private static String waitRow(Wait wait, String columns) {
        return String.format(Locale.ROOT, "| %,d | %,.0f | %s |%n", wait.count, wait.total.toNanos() / 1e6, columns);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
