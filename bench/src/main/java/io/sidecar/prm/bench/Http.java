package io.sidecar.prm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The product's HTTP API through the JDK's client: what every simulated user and the lag probes send. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The bootstrap administrator's password the benchmark starts the product with. */
    static final String ADMIN_PASSWORD = "bench-admin-password";

    private static final String AUTHORIZATION = "Basic "
            + java.util.Base64.getEncoder()
                    .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final HttpClient client;
    private final String base;

    Http(int port) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.base = "http://127.0.0.1:" + port;
    }

    record Answer(int status, String body, String warning) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Answer post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60))
                .build());
    }

    Answer put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(60))
                .build());
    }

    Answer get(String path) {
        return get(path, Duration.ofSeconds(60));
    }

    Answer get(String path, Duration timeout) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .GET()
                .timeout(timeout)
                .build());
    }

    private Answer send(HttpRequest request) {
        request = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", AUTHORIZATION)
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Warning").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
