package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP client for the tests: talks JSON to a running Sidecar PRM the way any client would.
 */
final class PrmClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The onboarding checklist, in its order (DOMAIN.md). */
    static final List<String> ONBOARDING_STEPS =
            List.of("AGREEMENT_SIGNED", "COMPLIANCE_CHECKED", "TRAINING_COMPLETED");

    /** A partner's version once onboarded, its three steps done and activated. */
    static final long ACTIVATED_VERSION = 5;

    /** The bootstrap administrator's password every test application is started with. */
    static final String ADMIN_PASSWORD = "test-admin-password";

    /** The {@code Authorization} header of the bootstrap administrator. */
    static final String ADMIN_AUTHORIZATION = basic("admin", ADMIN_PASSWORD);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    /** A client signed in as the bootstrap administrator. */
    PrmClient(int port) {
        this(port, ADMIN_AUTHORIZATION);
    }

    private PrmClient(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    /** A client of the same application signed in (HTTP Basic) as {@code username}. */
    PrmClient as(String username, String password) {
        return new PrmClient(port(), basic(username, password));
    }

    /** A client of the same application that sends no credentials. */
    PrmClient anonymous() {
        return new PrmClient(port(), null);
    }

    private int port() {
        return URI.create(base).getPort();
    }

    static String basic(String username, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Response post(String path, String json) {
        return post(path, json, Map.of("Content-Type", "application/json"));
    }

    Response post(String path, String body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    /** A POST without a body, as the commands that need none are sent (activate, reinstate, a step). */
    Response post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    Response put(String path, String json) {
        return send("PUT", path, json, Map.of("Content-Type", "application/json"));
    }

    Response patch(String path, String json) {
        return send("PATCH", path, json, Map.of("Content-Type", "application/json"));
    }

    Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Onboards a partner named {@code name} and answers its id. */
    String onboard(String name) {
        Response onboarded = post("/api/partners", TestBodies.partner(name));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        return onboarded.json().get("id").asText();
    }

    /** Onboards a partner and waits (minVersion) until the read model shows it; answers its id. */
    String onboardAndRead(String name) {
        String id = onboard(name);
        assertThat(get("/api/partners/" + id + "?minVersion=1").status()).isEqualTo(200);
        return id;
    }

    /** Onboards a partner named {@code name}, completes its onboarding steps and activates it; answers its id. */
    String activePartner(String name) {
        String id = onboard(name);
        activate(id);
        return id;
    }

    /** Completes an onboarded partner's three onboarding steps and activates it (its version is then 5). */
    void activate(String id) {
        Response activated = completeOnboardingAndActivate(id);
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(activated.json().get("version").asLong()).isEqualTo(ACTIVATED_VERSION);
    }

    /**
     * Completes the onboarding steps and activates, without asserting: answers the activation's answer, or the
     * first answer that was not a 200.
     */
    Response completeOnboardingAndActivate(String id) {
        for (String step : ONBOARDING_STEPS) {
            Response completed = post("/api/partners/" + id + "/onboarding-steps/" + step);
            if (completed.status() != 200) {
                return completed;
            }
        }
        return post("/api/partners/" + id + "/activate");
    }

    /** Reads a partner once the read model has applied {@code version}; asserts that it had, in time. */
    JsonNode partnerAt(String id, long version) {
        Response read = get("/api/partners/" + id + "?minVersion=" + version);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("Warning"))
                .as("stale answer for version " + version)
                .isNull();
        assertThat(read.json().get("version").asLong()).isEqualTo(version);
        return read.json();
    }

    /** Reads a deal once the read model has applied {@code version}; asserts that it had, in time. */
    JsonNode dealAt(String id, long version) {
        Response read = get("/api/deals/" + id + "?minVersion=" + version);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("Warning"))
                .as("stale answer for version " + version)
                .isNull();
        assertThat(read.json().get("version").asLong()).isEqualTo(version);
        return read.json();
    }

    /** Waits until every event processor has applied every stored event, none in error and none replaying. */
    void awaitCaughtUp(Duration patience) {
        await().atMost(patience).untilAsserted(() -> {
            for (JsonNode processor : get("/api/admin/processors").json()) {
                assertThat(processor.get("error").asBoolean())
                        .as(processor.get("name").asText() + " in error")
                        .isFalse();
                assertThat(processor.get("lag").asLong())
                        .as(processor.get("name").asText())
                        .isZero();
                assertThat(processor.get("replaying").asBoolean())
                        .as(processor.get("name").asText() + " replaying")
                        .isFalse();
            }
        });
    }

    Response get(String path) {
        return get(path, Map.of());
    }

    Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .DELETE()
                .build());
    }

    private Response send(HttpRequest request) {
        if (authorization != null
                && request.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", authorization)
                    .build();
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer with its body parsed as JSON where it is JSON. */
    record Response(HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String body() {
            return raw.body();
        }
    }
}
