package io.sidecar.prm.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/** A webhook receiver on a random local port that takes every delivery at once (204) and counts the events. */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private volatile long lastNanos;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
            lastNanos = System.nanoTime();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Distinct events received so far. */
    int events() {
        return received.size();
    }

    /** When the last delivery arrived (System.nanoTime). */
    long lastNanos() {
        return lastNanos;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
