package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The webhook subscription endpoints as the tests use them ({@code /api/webhooks}).
 */
final class Webhooks {

    /** A deal recorded, named in the integration contract. */
    static final String DEAL_RECORDED = "sidecar.deal.recorded.v1";
    /** A partner onboarded, named in the integration contract. */
    static final String PARTNER_ONBOARDED = "sidecar.partner.onboarded.v1";

    private Webhooks() {}

    /** A subscription as created: its id and the secret its deliveries are signed with. */
    record Subscription(String id, String url, String secret) {}

    /** A {@code POST /api/webhooks} body. */
    static String body(String url, String... eventTypes) {
        return """
                {"url": "%s", "eventTypes": %s}""".formatted(
                url,
                Arrays.stream(eventTypes).map(type -> "\"" + type + "\"").collect(Collectors.joining(", ", "[", "]")));
    }

    /** Subscribes {@code url} to the types (none: every type); asserts the 201. */
    static Subscription subscribe(PrmClient client, String url, String... eventTypes) {
        PrmClient.Response created = client.post("/api/webhooks", body(url, eventTypes));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode subscription = created.json();
        return new Subscription(
                subscription.get("id").asText(),
                subscription.get("url").asText(),
                subscription.get("secret").asText());
    }

    /** Deletes a subscription; asserts the 204. */
    static void unsubscribe(PrmClient client, String id) {
        PrmClient.Response deleted = client.delete("/api/webhooks/" + id);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    }

    /** A subscription's deliveries, newest first; {@code status} null for all of them. */
    static List<JsonNode> deliveries(PrmClient client, String subscriptionId, String status) {
        String path = "/api/webhooks/" + subscriptionId + "/deliveries?limit=1000"
                + (status == null ? "" : "&status=" + status);
        PrmClient.Response answer = client.get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> deliveries = new ArrayList<>();
        answer.json().get("deliveries").forEach(deliveries::add);
        return deliveries;
    }

    /** The deliveries in one status, counted. */
    static long count(PrmClient client, String subscriptionId, String status) {
        return deliveries(client, subscriptionId, status).size();
    }

    /** The deliveries' event ids (a delivery's {@code eventId}). */
    static List<String> eventIds(List<JsonNode> deliveries) {
        return deliveries.stream().map(d -> d.get("eventId").asText()).toList();
    }
}
