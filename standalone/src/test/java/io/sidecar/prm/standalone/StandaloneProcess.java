package io.sidecar.prm.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged product ({@code java -jar sidecar-prm.jar}) as a real operating-system process, so that a test can
 * kill it the hard way. Ports are chosen by the process (0) and read from its log.
 */
final class StandaloneProcess implements AutoCloseable {

    private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern MONGO = Pattern.compile("Embedded MongoDB \\(read models\\) at (mongodb://\\S+)");

    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final CompletableFuture<String> mongoUri = new CompletableFuture<>();

    private StandaloneProcess(Process process, Path log) {
        this.process = process;
        Thread reader = new Thread(() -> follow(log), "standalone-log");
        reader.setDaemon(true);
        reader.start();
    }

    static StandaloneProcess start(Path dataDir, Path log) {
        return start(dataDir, log, new String[0]);
    }

    /**
     * Starts the jar with extra command-line arguments after the usual ones ({@code --prm.deals.open-limit=3}),
     * which outrank application.yml as they would for a person starting it.
     */
    static StandaloneProcess start(Path dataDir, Path log, String... arguments) {
        return start(dataDir, log, List.of(), arguments);
    }

    /**
     * Starts the jar with extra JVM options after the usual ones ({@code -Xmx96m} overrides the usual heap), and
     * extra command-line arguments.
     */
    static StandaloneProcess start(Path dataDir, Path log, List<String> jvmOptions, String... arguments) {
        String jar = System.getProperty("prm.standalone.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("the packaged jar is missing (" + jar + "): run through mvn verify");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-jar",
                    jar,
                    "--server.port=0",
                    "--prm.data-dir=" + dataDir,
                    "--prm.mongo.embedded.port=0",
                    "--prm.security.admin-password=" + PrmClient.ADMIN_PASSWORD));
            command.addAll(List.of(arguments));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            StandaloneProcess started = new StandaloneProcess(process, log);
            started.port.get(90, TimeUnit.SECONDS);
            return started;
        } catch (Exception e) {
            throw new IllegalStateException("the standalone process did not start; see " + log, e);
        }
    }

    private void follow(Path log) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Files.writeString(
                        log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                Matcher http = HTTP_PORT.matcher(line);
                if (http.find()) {
                    port.complete(Integer.parseInt(http.group(1)));
                }
                Matcher mongo = MONGO.matcher(line);
                if (mongo.find()) {
                    mongoUri.complete(mongo.group(1));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(new UncheckedIOException(e));
        }
        port.completeExceptionally(new IllegalStateException("the process ended before it was ready"));
    }

    PrmClient client() {
        return new PrmClient(port.join());
    }

    /** The HTTP port it listens on, for a browser. */
    int port() {
        return port.join();
    }

    /** The operating system's id of the process, for the JDK's tools ({@code jcmd}). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String mongoUri() {
        return mongoUri.join();
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A polite stop (SIGTERM), waiting for the process to end. */
    void stop(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
