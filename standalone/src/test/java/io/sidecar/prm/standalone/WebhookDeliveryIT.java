package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.Webhooks.DEAL_RECORDED;
import static io.sidecar.prm.standalone.Webhooks.PARTNER_ONBOARDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.standalone.WebhookReceiver.Behaviour;
import io.sidecar.prm.standalone.WebhookReceiver.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook deliveries to real HTTP receivers (API.md, "Integrations"): every delivery is a CloudEvent signed per
 * Standard Webhooks (checked by the test's own verifier), in the feed's order, of the subscription's types and only
 * of events recorded after it; a failing receiver gets each event again until it answers, never the next one
 * before; a dead receiver's deliveries are parked as failed and retryable while a healthy receiver gets
 * everything; a slow receiver does not hold up a fast one. (A restart with a backlog: {@link WebhookRestartIT}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Duration> RETRIES =
            List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(400));

    @TempDir
    static Path dataDir;

    private final String run = "w" + UUID.randomUUID().toString().substring(0, 8);
    private RunningStandalone app;
    private PrmClient client;
    private List<String> types;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(
                dataDir,
                "prm.webhooks.retry-schedule=100ms,200ms,300ms,400ms",
                "prm.webhooks.timeout=10s",
                "prm.webhooks.poll-interval=50ms");
        client = app.client();
        types = EventFeed.types(client);
        assertThat(types).contains(DEAL_RECORDED, PARTNER_ONBOARDED).isSorted();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void deliveriesAreSignedCloudEventsInTheFeedsOrderOfTheirTypesAndOnlyOfLaterEvents() {
        String early = client.activePartner("Early " + run);
        List<String> beforeSubscribing = EventFeed.readAll(client, null, 1000).ids();
        String mark = EventFeed.end(client);
        try (WebhookReceiver everything = WebhookReceiver.start(Behaviour.healthy());
                WebhookReceiver some = WebhookReceiver.start(Behaviour.healthy())) {
            Webhooks.Subscription all = Webhooks.subscribe(client, everything.url());
            Webhooks.Subscription filtered = Webhooks.subscribe(client, some.url(), DEAL_RECORDED, PARTNER_ONBOARDED);
            try {
                eventsOfSeveralTypes(early);
                await().atMost(PATIENCE)
                        .untilAsserted(() -> assertThat(everything.arrivals())
                                .containsExactlyElementsOf(
                                        EventFeed.readAll(client, mark, 1000).ids()));
                await().atMost(PATIENCE)
                        .untilAsserted(() -> assertThat(some.arrivals())
                                .containsExactlyElementsOf(
                                        EventFeed.readAll(client, mark, 1000, DEAL_RECORDED, PARTNER_ONBOARDED)
                                                .ids()));

                List<JsonNode> recorded = EventFeed.readAll(client, mark, 1000).events();
                assertThat(recorded).hasSize(7);
                assertThat(recorded.stream()
                                .map(event -> event.get("type").asText())
                                .distinct())
                        .as("types delivered to the subscription of every type")
                        .hasSizeGreaterThanOrEqualTo(5);
                assertThat(some.requests())
                        .extracting(request -> json(request).get("type").asText())
                        .containsExactly(PARTNER_ONBOARDED, DEAL_RECORDED, DEAL_RECORDED);
                assertThat(everything.arrivals()).doesNotContainAnyElementsOf(beforeSubscribing);
                assertThat(some.arrivals()).doesNotContainAnyElementsOf(beforeSubscribing);
                Map<String, JsonNode> feed = recorded.stream()
                        .collect(Collectors.toMap(e -> e.get("id").asText(), Function.identity()));
                assertDeliveries(everything, all, filtered.secret(), feed);
                assertDeliveries(some, filtered, all.secret(), feed);
                IntegrationEventChecks.assertStreamOrder(
                        everything.arrivals(),
                        IntegrationEventChecks.byId(StoredEvents.of(app).positions()),
                        false);
            } finally {
                Webhooks.unsubscribe(client, all.id());
                Webhooks.unsubscribe(client, filtered.id());
            }
        }
    }

    @Test
    void aReceiverFailingThreeTimesGetsEachEventFourTimesInOrderAndLosesNothing() {
        String mark = EventFeed.end(client);
        try (WebhookReceiver failing = WebhookReceiver.start(Behaviour.failingFirst(3))) {
            Webhooks.Subscription subscription = Webhooks.subscribe(client, failing.url());
            try {
                String partner = client.onboard("Failing " + run);
                for (String step : PrmClient.ONBOARDING_STEPS) {
                    assertThat(client.post("/api/partners/" + partner + "/onboarding-steps/" + step)
                                    .status())
                            .isEqualTo(200);
                }
                List<JsonNode> recorded = EventFeed.readAll(client, mark, 1000).events();
                List<String> ids = EventFeed.ids(recorded);
                assertThat(ids).hasSize(4);
                List<String> fourTimesEach = ids.stream()
                        .flatMap(id -> Collections.nCopies(4, id).stream())
                        .toList();

                await().atMost(PATIENCE)
                        .untilAsserted(() -> assertThat(failing.arrivals()).containsExactlyElementsOf(fourTimesEach));
                List<Request> requests = failing.requests();
                assertThat(requests)
                        .extracting(Request::status)
                        .containsExactlyElementsOf(ids.stream()
                                .flatMap(id -> List.of(500, 500, 500, 200).stream())
                                .toList());
                for (int event = 0; event < ids.size(); event++) {
                    for (int retry = 0; retry < 3; retry++) {
                        Request failed = requests.get(4 * event + retry);
                        Request again = requests.get(4 * event + retry + 1);
                        assertThat(Duration.ofNanos(again.nanos() - failed.nanos()))
                                .as("wait before retry %d of %s", retry + 1, ids.get(event))
                                .isGreaterThanOrEqualTo(RETRIES.get(retry).minusMillis(20));
                    }
                }
                requests.forEach(
                        request -> assertThat(StandardWebhooksSignature.verifies(subscription.secret(), request))
                                .as("signature of attempt %d", request.arrival())
                                .isTrue());

                List<String> newestFirst = reversed(ids);
                await().atMost(PATIENCE).untilAsserted(() -> {
                    List<JsonNode> deliveries = Webhooks.deliveries(client, subscription.id(), null);
                    assertThat(Webhooks.eventIds(deliveries)).containsExactlyElementsOf(newestFirst);
                    assertThat(deliveries).allSatisfy(delivery -> {
                        assertThat(delivery.get("status").asText()).isEqualTo("delivered");
                        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
                    });
                });
                for (JsonNode delivery : Webhooks.deliveries(client, subscription.id(), "delivered")) {
                    JsonNode event =
                            recorded.get(ids.indexOf(delivery.get("eventId").asText()));
                    assertThat(delivery.get("id").asText())
                            .isEqualTo(event.get("id").asText());
                    assertThat(delivery.get("type").asText())
                            .isEqualTo(event.get("type").asText());
                    assertThat(delivery.get("sequence").asText())
                            .isEqualTo(event.get("sequence").asText());
                    assertThat(delivery.get("lastResponseStatus").asInt()).isEqualTo(200);
                    assertThat(EventFeed.text(delivery, "deliveredAt")).isNotBlank();
                    assertThat(EventFeed.text(delivery, "lastAttemptAt")).isNotBlank();
                }
            } finally {
                Webhooks.unsubscribe(client, subscription.id());
            }
        }
    }

    @Test
    void aDeadReceiverIsParkedWhileAHealthyOneGetsEverythingAndARetryDeliversItLater(@TempDir Path otherData) {
        try (RunningStandalone quick = RunningStandalone.start(
                        otherData,
                        "prm.webhooks.timeout=500ms",
                        "prm.webhooks.retry-schedule=100ms,100ms",
                        "prm.webhooks.poll-interval=50ms");
                WebhookReceiver dead = WebhookReceiver.start(Behaviour.dead());
                WebhookReceiver healthy = WebhookReceiver.start(Behaviour.healthy())) {
            PrmClient quickClient = quick.client();
            Webhooks.Subscription parking = Webhooks.subscribe(quickClient, dead.url());
            Webhooks.Subscription delivering = Webhooks.subscribe(quickClient, healthy.url());
            String partner = quickClient.onboard("Dead " + run);
            for (String step : PrmClient.ONBOARDING_STEPS.subList(0, 2)) {
                assertThat(quickClient
                                .post("/api/partners/" + partner + "/onboarding-steps/" + step)
                                .status())
                        .isEqualTo(200);
            }
            List<String> ids = EventFeed.readAll(quickClient, null, 1000).ids();
            assertThat(ids).hasSize(3);

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(healthy.acknowledged()).containsExactlyElementsOf(ids));
            assertThat(Webhooks.count(quickClient, parking.id(), "failed"))
                    .as("the dead receiver's deliveries parked by the time the healthy one had everything")
                    .isLessThan(ids.size());

            // three attempts each (the first and two retries), one event after the other
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(Webhooks.count(quickClient, parking.id(), "failed"))
                            .isEqualTo(ids.size()));
            assertThat(dead.arrivals())
                    .containsExactlyElementsOf(ids.stream()
                            .flatMap(id -> Collections.nCopies(3, id).stream())
                            .toList());
            List<JsonNode> parked = Webhooks.deliveries(quickClient, parking.id(), null);
            assertThat(Webhooks.eventIds(parked)).containsExactlyElementsOf(reversed(ids));
            assertThat(parked).allSatisfy(delivery -> {
                assertThat(delivery.get("status").asText()).isEqualTo("failed");
                assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
                assertThat(EventFeed.text(delivery, "lastError")).isNotBlank();
                assertThat(EventFeed.text(delivery, "lastAttemptAt")).isNotBlank();
            });
            assertThat(Webhooks.deliveries(quickClient, parking.id(), "delivered"))
                    .isEmpty();
            assertThat(Webhooks.deliveries(quickClient, delivering.id(), "delivered"))
                    .hasSize(3)
                    .allSatisfy(delivery ->
                            assertThat(delivery.get("attempts").asInt()).isEqualTo(1));

            JsonNode second = parked.get(1);
            String retry = "/api/webhooks/" + parking.id() + "/deliveries/"
                    + second.get("id").asText() + "/retry";
            PrmClient.Response retried = quickClient.post(retry);
            assertThat(retried.status()).as(retried.body()).isEqualTo(202);
            assertThat(retried.json().get("status").asText()).isEqualTo("pending");
            assertThat(retried.json().get("attempts").asInt()).isZero();
            assertThat(retried.json().get("eventId").asText()).isEqualTo(ids.get(1));
            PrmClient.Response again = quickClient.post(retry);
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(again.json().get("code").asText()).isEqualTo("delivery.already-pending");

            dead.behave(Behaviour.healthy());
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(
                                    Webhooks.eventIds(Webhooks.deliveries(quickClient, parking.id(), "delivered")))
                            .containsExactly(ids.get(1)));
            JsonNode delivered =
                    Webhooks.deliveries(quickClient, parking.id(), "delivered").get(0);
            assertThat(delivered.get("attempts").asInt()).isPositive();
            assertThat(EventFeed.text(delivered, "deliveredAt")).isNotBlank();
            assertThat(dead.acknowledged()).containsExactly(ids.get(1));
            assertThat(Webhooks.eventIds(Webhooks.deliveries(quickClient, parking.id(), "failed")))
                    .containsExactly(ids.get(2), ids.get(0));
            dead.requests()
                    .forEach(request -> assertThat(StandardWebhooksSignature.verifies(parking.secret(), request))
                            .isTrue());
        }
    }

    @Test
    void aSlowReceiverDoesNotHoldUpAFastOne() {
        String mark = EventFeed.end(client);
        try (WebhookReceiver slow = WebhookReceiver.start(Behaviour.slow(Duration.ofSeconds(3)));
                WebhookReceiver fast = WebhookReceiver.start(Behaviour.healthy())) {
            Webhooks.Subscription slowOne = Webhooks.subscribe(client, slow.url());
            Webhooks.Subscription fastOne = Webhooks.subscribe(client, fast.url());
            try {
                List<String> burst = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    burst.add(client.onboard("Burst " + run + " " + i));
                }
                List<String> ids = EventFeed.readAll(client, mark, 1000).ids();
                assertThat(ids).hasSize(4);

                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(fast.acknowledged()).containsExactlyElementsOf(ids));
                assertThat(slow.acknowledged())
                        .as("answered by the slow receiver when the fast one had everything")
                        .hasSizeLessThan(ids.size());
                assertThat(Webhooks.count(client, slowOne.id(), "pending"))
                        .as("the slow receiver's deliveries pending")
                        .isPositive();
                for (String partner : burst) {
                    PrmClient.Response read = client.get("/api/partners/" + partner + "?minVersion=1");
                    assertThat(read.status()).isEqualTo(200);
                    assertThat(read.header("Warning"))
                            .as("the read models are not held up by the slow receiver")
                            .isNull();
                }

                await().atMost(PATIENCE)
                        .untilAsserted(() -> assertThat(slow.acknowledged()).containsExactlyElementsOf(ids));
                assertThat(slow.arrivals()).as("each sent once, in order").containsExactlyElementsOf(ids);
                await().atMost(PATIENCE)
                        .untilAsserted(() -> assertThat(Webhooks.count(client, slowOne.id(), "delivered"))
                                .isEqualTo(ids.size()));
                assertThat(Webhooks.count(client, fastOne.id(), "delivered")).isEqualTo(ids.size());
            } finally {
                Webhooks.unsubscribe(client, slowOne.id());
                Webhooks.unsubscribe(client, fastOne.id());
            }
        }
    }

    /** Seven events of six types: a partner onboarded, a step, a goal, a check-in, two deals, an approval. */
    private void eventsOfSeveralTypes(String active) {
        String partner = client.onboard("Late " + run);
        assertThat(client.post("/api/partners/" + partner + "/onboarding-steps/AGREEMENT_SIGNED")
                        .status())
                .isEqualTo(200);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String page = "/api/partners/" + active;
        assertThat(client.put(page + "/goals/" + (today.getYear() + 1) + "-Q1", TestBodies.goal("50000", 2))
                        .status())
                .isEqualTo(200);
        assertThat(client.post(page + "/check-ins", TestBodies.checkIn(today, "Webhooks"))
                        .status())
                .isEqualTo(200);
        String deal = recordDeal(active, run + "-one.example");
        assertThat(client.post("/api/deals/" + deal + "/approve").status()).isEqualTo(200);
        recordDeal(active, run + "-two.example");
    }

    private String recordDeal(String partner, String domain) {
        PrmClient.Response recorded = client.post("/api/deals", TestBodies.deal(partner, domain, "2500.00"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().get("id").asText();
    }

    /**
     * Each request is a POST of a CloudEvent, signed with the subscription's secret (not with another's), whose id
     * is the webhook-id and which is the feed's event of that id.
     */
    private void assertDeliveries(
            WebhookReceiver receiver,
            Webhooks.Subscription subscription,
            String otherSecret,
            Map<String, JsonNode> feed) {
        for (Request request : receiver.requests()) {
            String what = "delivery " + request.arrival() + " to " + subscription.url();
            assertThat(request.method()).as(what).isEqualTo("POST");
            assertThat(request.header("content-type")).as(what).startsWith("application/cloudevents+json");
            assertThat(request.header("webhook-timestamp")).as(what).matches("\\d+");
            assertThat(StandardWebhooksSignature.verifies(subscription.secret(), request))
                    .as(what + " signed: " + request.headers())
                    .isTrue();
            assertThat(StandardWebhooksSignature.verifies(otherSecret, request))
                    .as(what + " signed with another subscription's secret")
                    .isFalse();
            JsonNode event = json(request);
            EventFeed.assertCloudEvent(event, types);
            assertThat(event.get("id").asText()).as(what).isEqualTo(request.webhookId());
            JsonNode listed = feed.get(request.webhookId());
            assertThat(listed).as(what + " is an event of the feed").isNotNull();
            for (String field : List.of("type", "source", "subject", "time", "sequence", "data")) {
                assertThat(event.get(field)).as(what + ": " + field).isEqualTo(listed.get(field));
            }
        }
    }

    private static JsonNode json(Request request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + request.body(), e);
        }
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }
}
