package io.sidecar.prm.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver for the tests: an HTTP server on a random loopback port that records every request it gets
 * (headers, body, order of arrival) and answers as its current {@link Behaviour} says: at once, failing the first
 * attempts of each webhook, slowly, or never. Each request is handled on its own thread, so a request held open
 * does not keep the others waiting.
 */
final class WebhookReceiver implements AutoCloseable {

    /** What the receiver does with a request; switched while it runs with {@link #behave}. */
    enum Mode {
        /** Answers 200 at once. */
        HEALTHY,
        /** Answers 500 to the first {@code failures} attempts of each webhook-id, then 200. */
        FAILING_FIRST,
        /** Answers 200 after {@code delay}. */
        SLOW,
        /** Never answers: holds the request open until the receiver is closed. */
        DEAD
    }

    /** How the receiver answers. */
    record Behaviour(Mode mode, int failures, Duration delay) {

        static Behaviour healthy() {
            return new Behaviour(Mode.HEALTHY, 0, Duration.ZERO);
        }

        static Behaviour failingFirst(int attempts) {
            return new Behaviour(Mode.FAILING_FIRST, attempts, Duration.ZERO);
        }

        static Behaviour slow(Duration delay) {
            return new Behaviour(Mode.SLOW, 0, delay);
        }

        static Behaviour dead() {
            return new Behaviour(Mode.DEAD, 0, Duration.ZERO);
        }
    }

    /**
     * One request as it arrived.
     *
     * @param arrival   its place in the order of arrival, from 1
     * @param nanos     {@link System#nanoTime()} at its arrival
     * @param at        the wall-clock instant of its arrival
     * @param method    its HTTP method
     * @param headers   its headers, names in lower case, several values joined by a comma
     * @param body      its body as UTF-8 text
     * @param status    the status the receiver chose to answer, 0 for none
     */
    record Request(
            int arrival, long nanos, Instant at, String method, Map<String, String> headers, String body, int status) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String webhookId() {
            return header("webhook-id");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<Request> requests = new ArrayList<>();
    private final List<String> acknowledged = new ArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile Behaviour behaviour;

    private WebhookReceiver(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    static WebhookReceiver start(Behaviour behaviour) {
        try {
            return new WebhookReceiver(behaviour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address to subscribe. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Changes how the next requests are answered (requests already held or waiting keep their behaviour). */
    void behave(Behaviour next) {
        this.behaviour = next;
    }

    /** Every request so far, in the order of arrival. */
    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The webhook-id of every request so far, in the order of arrival, repeats included. */
    List<String> arrivals() {
        return requests().stream().map(Request::webhookId).toList();
    }

    /** The webhook-ids in the order they first arrived, each once. */
    List<String> firstArrivals() {
        return List.copyOf(new LinkedHashSet<>(arrivals()));
    }

    /** The webhook-ids answered with a 2xx, in the order of the answers. */
    List<String> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            Behaviour now = behaviour;
            String id = String.valueOf(headers.get("webhook-id"));
            int attempt =
                    attempts.computeIfAbsent(id, any -> new AtomicInteger()).incrementAndGet();
            int status = switch (now.mode()) {
                case DEAD -> 0;
                case FAILING_FIRST -> attempt <= now.failures() ? 500 : 200;
                case HEALTHY, SLOW -> 200;
            };
            synchronized (requests) {
                requests.add(new Request(
                        requests.size() + 1,
                        System.nanoTime(),
                        Instant.now(),
                        exchange.getRequestMethod(),
                        headers,
                        new String(body, StandardCharsets.UTF_8),
                        status));
            }
            if (status == 0) {
                closing.await();
                return;
            }
            if (now.mode() == Mode.SLOW && closing.await(now.delay().toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
            exchange.sendResponseHeaders(status, -1);
            if (status < 300) {
                synchronized (acknowledged) {
                    acknowledged.add(id);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
