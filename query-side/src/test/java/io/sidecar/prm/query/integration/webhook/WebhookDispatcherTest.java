package io.sidecar.prm.query.integration.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sidecar.prm.events.partner.PartnerActivated;
import io.sidecar.prm.events.partner.PartnerSuspended;
import io.sidecar.prm.query.integration.EventFeed;
import io.sidecar.prm.query.integration.FeedCursors;
import io.sidecar.prm.query.integration.IntegrationEvents;
import io.sidecar.prm.query.integration.webhook.WebhookDelivery.DeliveryStatus;
import io.sidecar.prm.query.readmodel.EmbeddedReadModels;
import io.sidecar.prm.query.readmodel.ReadModelDurability;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher's decisions, one step at a time on a clock the test moves: the in-memory event store, the read
 * models' embedded MongoDB, and a real HTTP receiver.
 */
class WebhookDispatcherTest {

    private static final Instant START = Instant.parse("2027-01-04T09:00:00Z");
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    private final MovedClock clock = new MovedClock();
    private final EmbeddedReadModels readModels = new EmbeddedReadModels();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final EventFeed feed = new EventFeed(events, FeedCursors.GLOBAL_SEQUENCE, new IntegrationEvents(json));
    private final WebhookStore store = new WebhookStore(readModels.mongo(), ReadModelDurability.IMMEDIATE);
    private final WebhookProperties properties = new WebhookProperties(
            List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)),
            Duration.ofSeconds(2),
            2,
            Duration.ofMillis(50),
            false);
    private final Receiver receiver = new Receiver();
    private final WebhookDispatcher dispatcher = new WebhookDispatcher(
            store,
            feed,
            new WebhookSender(new WebhookUrls(false), properties.timeout(), clock),
            properties,
            clock,
            new SimpleMeterRegistry());
    private long sequence;

    @AfterEach
    void close() {
        receiver.server.stop(0);
        events.shutDown();
        readModels.close();
    }

    @Test
    void eventsGoOutInOrderSignedAndOnlyThoseRecordedAfterTheSubscription() throws Exception {
        String before = publish(new PartnerActivated("p-1", START));
        String subscription = subscribe(List.of());
        String first = publish(new PartnerSuspended("p-1", "audit", START));
        String second = publish(new PartnerActivated("p-1", START));

        stepUntilIdle(subscription);

        assertThat(receiver.ids()).containsExactly(first, second).doesNotContain(before);
        for (Received request : receiver.received) {
            assertThat(request.signature())
                    .isEqualTo("v1," + hmac(request.id() + "." + request.timestamp() + "." + request.body()));
            assertThat(Long.parseLong(request.timestamp())).isEqualTo(START.getEpochSecond());
            JsonNode cloudEvent = json.readTree(request.body());
            assertThat(cloudEvent.get("id").asText()).isEqualTo(request.id());
            assertThat(cloudEvent.get("specversion").asText()).isEqualTo("1.0");
        }
        assertThat(store.deliveries(subscription, DeliveryStatus.DELIVERED, 10))
                .extracting(WebhookDelivery::eventId)
                .containsExactly(second, first);
    }

    @Test
    void aSubscriptionReceivesOnlyItsTypes() {
        String suspendedType = feed.events()
                .toCloudEvent(message(new PartnerSuspended("p-1", "x", START)), 0)
                .getType();
        String subscription = subscribe(List.of(suspendedType));
        publish(new PartnerActivated("p-1", START));
        String suspended = publish(new PartnerSuspended("p-1", "audit", START));
        publish(new PartnerActivated("p-1", START));

        stepUntilIdle(subscription);

        assertThat(receiver.ids()).containsExactly(suspended);
    }

    @Test
    void aFailingDeliveryIsRetriedOnScheduleThenParkedAndTheNextEventGoesOut() {
        String subscription = subscribe(List.of());
        String refused = publish(new PartnerSuspended("p-1", "audit", START));
        String next = publish(new PartnerActivated("p-1", START));
        receiver.answer(refused, 500);

        dispatcher.step(subscription).join();
        dispatcher.step(subscription).join();
        assertThat(receiver.ids()).containsExactly(refused);
        WebhookDelivery waiting = store.delivery(subscription, refused).orElseThrow();
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(waiting.lastError()).contains("500");

        clock.move(Duration.ofMinutes(1));
        dispatcher.step(subscription).join();
        clock.move(Duration.ofMinutes(1));
        dispatcher.step(subscription).join();
        assertThat(receiver.ids()).containsExactly(refused, refused);
        clock.move(Duration.ofMinutes(1));
        dispatcher.step(subscription).join();

        WebhookDelivery parked = store.delivery(subscription, refused).orElseThrow();
        assertThat(parked.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(parked.lastResponseStatus()).isEqualTo(500);
        stepUntilIdle(subscription);
        assertThat(receiver.ids()).containsExactly(refused, refused, refused, next);

        receiver.answer(refused, 204);
        store.resend(parked, clock.instant());
        stepUntilIdle(subscription);

        assertThat(receiver.ids()).containsExactly(refused, refused, refused, next, refused);
        assertThat(store.delivery(subscription, refused).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(store.subscription(subscription).orElseThrow().resendQueue()).isEmpty();
    }

    @Test
    void aDeliveryRecordedAsDoneWhoseSubscriptionDidNotMoveOnIsNotSentAgain() {
        String subscription = subscribe(List.of());
        String first = publish(new PartnerSuspended("p-1", "audit", START));
        String second = publish(new PartnerActivated("p-1", START));
        dispatcher.step(subscription).join();
        WebhookDelivery delivered = store.delivery(subscription, first).orElseThrow();
        // a restart between the delivery's write and the subscription's: the subscription still points at it
        readModels
                .mongo()
                .updateFirst(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                        .is(subscription)),
                        new org.springframework.data.mongodb.core.query.Update()
                                .set("current", first)
                                .set("cursor", delivered.before()),
                        WebhookSubscription.class);

        stepUntilIdle(subscription);

        assertThat(receiver.ids()).containsExactly(first, second);
    }

    @Test
    void aBacklogGoesOutEventAfterEventWithoutWaitingForTheNextLook() {
        WebhookProperties slowLooks = new WebhookProperties(
                List.of(Duration.ofMinutes(1)), Duration.ofSeconds(5), 2, Duration.ofSeconds(30), false);
        WebhookDispatcher running = new WebhookDispatcher(
                store,
                feed,
                new WebhookSender(new WebhookUrls(false), slowLooks.timeout(), clock),
                slowLooks,
                clock,
                new SimpleMeterRegistry());
        String subscription = subscribe(List.of());
        List<String> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            backlog.add(publish(new PartnerSuspended("p-1", "audit " + i, START)));
        }
        running.start();
        try {
            // the first look comes after 30 s: the whole backlog must go out within it, step after step
            await().atMost(Duration.ofSeconds(25)).until(() -> receiver.ids().size() == backlog.size());
            assertThat(receiver.ids()).containsExactlyElementsOf(backlog);
            assertThat(store.deliveries(subscription, DeliveryStatus.DELIVERED, 100))
                    .hasSize(backlog.size());
        } finally {
            running.stop();
        }
    }

    @Test
    void receiversThatNeverAnswerHoldNoWorkerFromTheOthers() throws Exception {
        Receiver hanging = new Receiver(true);
        WebhookProperties oneWorker = new WebhookProperties(
                List.of(Duration.ofMinutes(1)), Duration.ofSeconds(30), 1, Duration.ofMillis(20), false);
        WebhookDispatcher running = new WebhookDispatcher(
                store,
                feed,
                new WebhookSender(new WebhookUrls(false), oneWorker.timeout(), clock),
                oneWorker,
                clock,
                new SimpleMeterRegistry());
        try {
            String first = subscribeTo(hanging.url(), List.of());
            String second = subscribeTo(hanging.url(), List.of());
            String healthy = subscribe(List.of());
            String event = publish(new PartnerSuspended("p-1", "audit", START));
            running.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.ids().contains(event));
            assertThat(hanging.ids())
                    .as("both hanging deliveries in flight at once")
                    .hasSize(2);
            assertThat(store.delivery(first, event).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(store.delivery(second, event).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> store.delivery(healthy, event).orElseThrow().status() == DeliveryStatus.DELIVERED);
        } finally {
            running.stop();
            hanging.server.stop(0);
        }
    }

    @Test
    void aResendIsDueWhateverTheDeliveryInFlightWaitsForAndGapsAreLookedForNowAndThen() {
        Instant later = START.plus(Duration.ofHours(6));
        WebhookSubscription waiting =
                new WebhookSubscription("s", "http://x", List.of(), SECRET, START, "7", "e-1", later, List.of());
        WebhookSubscription resending =
                new WebhookSubscription("s", "http://x", List.of(), SECRET, START, "7", "e-1", later, List.of("e-0"));
        WebhookSubscription gaps =
                new WebhookSubscription("s", "http://x", List.of(), SECRET, START, "7~5", null, null, List.of());

        assertThat(WebhookDispatcher.due(waiting, 9, START, true)).isFalse();
        assertThat(WebhookDispatcher.due(resending, 9, START, false)).isTrue();
        assertThat(WebhookDispatcher.due(gaps, 7, START, false)).isFalse();
        assertThat(WebhookDispatcher.due(gaps, 7, START, true)).isTrue();
        assertThat(WebhookDispatcher.due(gaps, 8, START, false)).isTrue();
    }

    private void stepUntilIdle(String subscription) {
        for (int i = 0; i < 20; i++) {
            dispatcher.step(subscription).join();
        }
    }

    private String subscribe(List<String> types) {
        return subscribeTo(receiver.url(), types);
    }

    private String subscribeTo(String url, List<String> types) {
        String id = "sub-" + System.nanoTime();
        store.create(new WebhookSubscription(id, url, types, SECRET, START, feed.startCursor(), null, null, List.of()));
        return id;
    }

    private String publish(Object payload) {
        GenericDomainEventMessage<?> message = message(payload);
        events.publish(message);
        return message.getIdentifier();
    }

    private GenericDomainEventMessage<?> message(Object payload) {
        return new GenericDomainEventMessage<>("Partner", "p-1", sequence++, payload);
    }

    /** Standard Webhooks' signature, computed here without the product's library. */
    private static String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Received(String id, String timestamp, String signature, String body) {}

    /** A receiver on a random local port that answers 204, or what it was told for an event. */
    private static final class Receiver {
        private final HttpServer server;
        private final List<Received> received = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> answers = new ConcurrentHashMap<>();

        Receiver() {
            this(false);
        }

        /** @param hang whether it never answers (until it is stopped) */
        Receiver(boolean hang) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                received.add(new Received(
                        id,
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body));
                if (hang) {
                    return; // the exchange stays open: the sender waits for its timeout
                }
                exchange.sendResponseHeaders(answers.getOrDefault(id, 204), -1);
                exchange.close();
            });
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        void answer(String eventId, int status) {
            answers.put(eventId, status);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<String> ids() {
            return received.stream().map(Received::id).toList();
        }
    }

    private static final class MovedClock extends Clock {
        private volatile Instant now = START;

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
