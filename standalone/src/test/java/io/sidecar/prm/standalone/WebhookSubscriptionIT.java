package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.Webhooks.DEAL_RECORDED;
import static io.sidecar.prm.standalone.Webhooks.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Webhook subscriptions over HTTP (API.md, "Integrations"): created with a secret shown once, listed and read
 * without it, deleted; a bad subscription is a problem that stores nothing, a link-local or metadata address is
 * refused while loopback is allowed; unknown subscriptions and deliveries are 404s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookSubscriptionIT {

    private static final String WEBHOOKS = "/api/webhooks";

    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient client;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir);
        client = app.client();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    static Stream<Arguments> refusedSubscriptions() {
        return Stream.of(
                Arguments.of("missing url", "{\"eventTypes\": []}", "url", null),
                Arguments.of("null url", "{\"url\": null, \"eventTypes\": []}", "url", null),
                Arguments.of("ftp url", body("ftp://127.0.0.1/hook"), "url", null),
                Arguments.of("malformed url", body("http://exa mple.example/hook"), "url", null),
                Arguments.of("not a url", body("hook"), "url", null),
                Arguments.of("no host", body("http:///hook"), "url", null),
                Arguments.of("url over 2048 characters", body("http://127.0.0.1/" + "a".repeat(2040)), "url", null),
                Arguments.of(
                        "unknown event type",
                        body("http://127.0.0.1/hook", "sidecar.partner.exploded.v1"),
                        "eventTypes",
                        null),
                Arguments.of(
                        "event type not a name", body("http://127.0.0.1/hook", "DealRecorded"), "eventTypes", null),
                Arguments.of("not JSON", "{\"url\": ", null, null),
                Arguments.of(
                        "cloud metadata address",
                        body("http://169.254.169.254/latest/meta-data"),
                        null,
                        "webhook.url-refused"),
                Arguments.of("link-local address", body("http://169.254.10.20:8080/hook"), null, "webhook.url-refused"),
                Arguments.of("link-local IPv6 address", body("http://[fe80::1]/x"), null, "webhook.url-refused"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSubscriptions")
    void aBadSubscriptionIsAProblemAndStoresNothing(String what, String body, String field, String code) {
        String before = client.get(WEBHOOKS).body();

        PrmClient.Response refused = client.post(WEBHOOKS, body);

        assertProblem(refused, 400);
        if (field != null) {
            List<String> fields = new ArrayList<>();
            refused.json()
                    .path("errors")
                    .forEach(error -> fields.add(error.path("field").asText()));
            assertThat(fields)
                    .as(refused.body())
                    .anySatisfy(named -> assertThat(named).startsWith(field));
        }
        if (code != null) {
            assertThat(refused.json().path("code").asText()).as(refused.body()).isEqualTo(code);
        }
        assertThat(client.get(WEBHOOKS).body())
                .as("subscriptions after the refusal")
                .isEqualTo(before);
    }

    @Test
    void aLoopbackUrlIsAllowedByNameAndByAddress() {
        for (String url : List.of("http://localhost:9/hook", "http://127.0.0.1:9/hook", "https://localhost/hook")) {
            Webhooks.Subscription subscription = Webhooks.subscribe(client, url);
            assertThat(subscription.url()).isEqualTo(url);
            Webhooks.unsubscribe(client, subscription.id());
        }
    }

    @Test
    void aSubscriptionShowsItsSecretOnceAndIsListedReadAndDeletedWithoutIt() {
        PrmClient.Response created = client.post(WEBHOOKS, body("http://localhost:9/deals", DEAL_RECORDED));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode subscription = created.json();
        String id = subscription.get("id").asText();
        assertThat(created.header("Location")).endsWith(WEBHOOKS + "/" + id);
        assertThat(subscription.get("url").asText()).isEqualTo("http://localhost:9/deals");
        assertThat(texts(subscription.get("eventTypes"))).containsExactly(DEAL_RECORDED);
        assertThat(Instant.parse(subscription.get("createdAt").asText())).isBeforeOrEqualTo(Instant.now());
        String secret = subscription.get("secret").asText();
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]+={0,2}");
        // the Standard Webhooks specification: a key of 24 to 64 bytes
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())))
                .hasSizeBetween(24, 64);

        Webhooks.Subscription everything = Webhooks.subscribe(client, "http://127.0.0.1:9/all");
        assertThat(everything.secret()).isNotEqualTo(secret);
        PrmClient.Response one = client.get(WEBHOOKS + "/" + everything.id());
        assertThat(one.status()).isEqualTo(200);
        assertThat(texts(one.json().get("eventTypes")))
                .as("no types: every type")
                .isEmpty();

        PrmClient.Response list = client.get(WEBHOOKS);
        assertThat(list.status()).isEqualTo(200);
        assertThat(ids(list.json())).contains(id, everything.id());
        list.json().forEach(listed -> {
            assertThat(listed.has("secret")).as(listed.toString()).isFalse();
            assertThat(EventFeed.text(listed, "createdAt")).isNotBlank();
        });
        PrmClient.Response read = client.get(WEBHOOKS + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("id").asText()).isEqualTo(id);
        assertThat(read.json().get("url").asText()).isEqualTo("http://localhost:9/deals");
        assertThat(texts(read.json().get("eventTypes"))).containsExactly(DEAL_RECORDED);
        assertThat(read.json().get("createdAt").asText())
                .isEqualTo(subscription.get("createdAt").asText());
        for (String shown : List.of(list.body(), read.body(), one.body())) {
            assertThat(shown).doesNotContain(secret.substring("whsec_".length()), everything.secret());
        }
        assertThat(Webhooks.deliveries(client, id, null))
                .as("nothing recorded since")
                .isEmpty();

        assertThat(client.delete(WEBHOOKS + "/" + id).status()).isEqualTo(204);
        assertProblem(client.delete(WEBHOOKS + "/" + id), 404);
        assertProblem(client.get(WEBHOOKS + "/" + id), 404);
        assertProblem(client.get(WEBHOOKS + "/" + id + "/deliveries"), 404);
        assertThat(ids(client.get(WEBHOOKS).json())).doesNotContain(id).contains(everything.id());
        Webhooks.unsubscribe(client, everything.id());
    }

    @Test
    void unknownSubscriptionsAndDeliveriesAreNotFound() {
        Webhooks.Subscription known = Webhooks.subscribe(client, "http://127.0.0.1:9/known");
        try {
            assertProblem(client.get(WEBHOOKS + "/no-such-subscription"), 404);
            assertProblem(client.delete(WEBHOOKS + "/no-such-subscription"), 404);
            assertProblem(client.get(WEBHOOKS + "/no-such-subscription/deliveries"), 404);
            assertProblem(client.post(WEBHOOKS + "/no-such-subscription/deliveries/no-such-delivery/retry"), 404);
            assertProblem(client.post(WEBHOOKS + "/" + known.id() + "/deliveries/no-such-delivery/retry"), 404);
        } finally {
            Webhooks.unsubscribe(client, known.id());
        }
    }

    @Test
    void aBadDeliveryStatusOrLimitIsAProblem() {
        Webhooks.Subscription known = Webhooks.subscribe(client, "http://127.0.0.1:9/statuses");
        try {
            String deliveries = WEBHOOKS + "/" + known.id() + "/deliveries";
            for (String status : List.of("pending", "delivered", "failed")) {
                PrmClient.Response listed = client.get(deliveries + "?status=" + status);
                assertThat(listed.status()).as(status + ": " + listed.body()).isEqualTo(200);
                assertThat(listed.json().get("deliveries")).isEmpty();
            }
            for (String bad :
                    List.of("?status=lost", "?status=DELIVERED_TWICE", "?limit=0", "?limit=1001", "?limit=x")) {
                assertProblem(client.get(deliveries + bad), 400);
            }
        } finally {
            Webhooks.unsubscribe(client, known.id());
        }
    }

    private static void assertProblem(PrmClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(EventFeed.text(response.json(), "code")).as(response.body()).isNotBlank();
    }

    private static List<String> ids(JsonNode subscriptions) {
        List<String> ids = new ArrayList<>();
        subscriptions.forEach(subscription -> ids.add(subscription.get("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
