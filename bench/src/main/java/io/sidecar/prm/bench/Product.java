package io.sidecar.prm.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged product as a real process, started the way the README starts it, on a data directory of the
 * benchmark's and a random port read from its log.
 */
final class Product implements AutoCloseable {

    private static final Pattern HTTP_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private Product(Process process, Path log) {
        this.process = process;
        Thread reader = new Thread(() -> follow(log), "product-log");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the jar and waits until it serves HTTP.
     *
     * @param jvmOptions extra JVM options (a flight recording, say) before {@code -jar}
     */
    static Product start(Path jar, Path dataDir, Path log, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=0",
                "--prm.data-dir=" + dataDir,
                "--prm.mongo.embedded.port=0",
                "--prm.security.admin-password=" + Http.ADMIN_PASSWORD));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        }
        Product product = new Product(process, log);
        try {
            product.port.get(180, TimeUnit.SECONDS);
            return product;
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the product did not start; see " + log, e);
        }
    }

    private void follow(Path log) {
        try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                out.flush();
                Matcher http = HTTP_PORT.matcher(line);
                if (http.find()) {
                    port.complete(Integer.parseInt(http.group(1)));
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("the product ended before it served HTTP"));
    }

    int port() {
        return port.join();
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory of the process in bytes, from {@code /proc} (Linux). */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return -1;
    }

    /** Runs {@code jcmd <pid> <arguments>}, for flight recordings. */
    void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid()));
        command.addAll(List.of(arguments));
        Process jcmd = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", arguments) + " failed");
        }
    }

    /** A polite stop (SIGTERM), as an operator would; the stores close cleanly. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
