package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.Webhooks.PARTNER_ONBOARDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.standalone.WebhookReceiver.Behaviour;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure of a partner's contact data (DOMAIN.md, "Personal data"; docs/adr/012): the event store never holds the
 * contact in clear, events nor snapshots; an administrator's erasure deletes the partner's key, after which the
 * read model, the history, the state as of any instant, both exports, the feed and a webhook re-send show
 * {@code [erased]}, as do a rebuild of every read model from the first event and a restart, while the hash chains
 * still verify. A manager may not erase, an erasure is not repeated, an unknown partner is 404.
 */
class ContactErasureIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERASED = "[erased]";

    @TempDir
    Path dataDir;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String contactName = "Quentin Erasmus-" + run;
    private final String email = "quentin." + run + "@erasure.example";
    private final String phone = "+44 20 7946 " + ThreadLocalRandom.current().nextInt(1000, 10000);

    @Test
    void anErasedContactReadsErasedEverywhereAlsoAfterARebuildAndARestart() {
        String partnerId;
        RunningStandalone app = start();
        try (WebhookReceiver receiver = WebhookReceiver.start(Behaviour.healthy())) {
            PrmClient client = app.client();
            Webhooks.Subscription subscription = Webhooks.subscribe(client, receiver.url(), PARTNER_ONBOARDED);
            partnerId = onboard(client);
            client.activate(partnerId);
            PrmClient.Response deal = client.post("/api/deals", TestBodies.deal(partnerId, "1500.00"));
            assertThat(deal.status()).as(deal.body()).isEqualTo(201);

            // before the erasure: in clear wherever it is shown, never in clear where it is stored
            await().atMost(PATIENCE).untilAsserted(() -> assertContact(partner(client, partnerId), contactName));
            await().atMost(PATIENCE)
                    .untilAsserted(() ->
                            assertThat(onboardedInHistory(client, partnerId)).isNotNull());
            assertContact(onboardedInHistory(client, partnerId), contactName);
            assertContact(onboardedInFeed(client, partnerId).get("data"), contactName);
            await().atMost(PATIENCE)
                    .untilAsserted(() ->
                            assertThat(onboardedDelivered(receiver, partnerId)).isNotEmpty());
            assertThat(onboardedDelivered(receiver, partnerId).get(0)).contains(email);
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            await().atMost(PATIENCE)
                    .until(() ->
                            !payloads(jdbc, "SnapshotEventEntry", partnerId).isEmpty());
            assertStoredSealed(jdbc, partnerId);
            Instant beforeErasure = Instant.now();

            // refused: a manager, an unknown partner; nothing is stored
            long stored = app.storedEvents();
            PrmClient.Response user = client.post("/api/users", """
                    {"username": "manager-%s", "password": "manager-password-%s", "roles": ["MANAGER"]}""".formatted(run, run));
            assertThat(user.status()).as(user.body()).isEqualTo(201);
            PrmClient manager = client.as("manager-" + run, "manager-password-" + run);
            assertThat(manager.post(erasure(partnerId)).status()).isEqualTo(403);
            PrmClient.Response unknown = client.post(erasure(UUID.randomUUID().toString()));
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
            assertThat(app.storedEvents()).isEqualTo(stored);
            assertThat(keyDocument(app, partnerId)).as("the key is still there").isTrue();

            // the erasure
            PrmClient.Response erased = client.post(erasure(partnerId));
            assertThat(erased.status()).as(erased.body()).isEqualTo(200);
            assertThat(erased.json().get("id").asText()).isEqualTo(partnerId);
            long version = erased.json().get("version").asLong();
            PrmClient.Response again = client.post(erasure(partnerId));
            assertThat(again.status()).as(again.body()).isEqualTo(409);
            assertThat(again.json().get("code").asText()).isEqualTo("partner.contact-already-erased");
            assertThat(keyDocument(app, partnerId)).as("the key is deleted").isFalse();
            assertStoredSealed(jdbc, partnerId);

            // every surface
            assertContact(client.partnerAt(partnerId, version), ERASED);
            await().atMost(PATIENCE).untilAsserted(() -> assertErasedHistory(client, partnerId));
            assertContact(state(client, partnerId, beforeErasure), ERASED);
            assertContact(state(client, partnerId, Instant.now()), ERASED);
            assertErasedExport(client, partnerId, "jsonl");
            assertErasedExport(client, partnerId, "csv");
            assertContact(onboardedInFeed(client, partnerId).get("data"), ERASED);
            assertResentErased(client, receiver, subscription, partnerId);
            assertVerified(client, partnerId);

            // a rebuild of every read model from the first event
            client.awaitCaughtUp(PATIENCE);
            List<String> replayed = new ArrayList<>();
            for (JsonNode processor : client.get("/api/admin/processors").json()) {
                String name = processor.get("name").asText();
                PrmClient.Response replay = client.post("/api/admin/processors/" + name + "/replay");
                if (replay.status() == 202) {
                    replayed.add(name);
                } else {
                    assertThat(replay.json().get("code").asText()).as(name).isEqualTo("processor.not-replayable");
                }
            }
            assertThat(replayed).contains("partner-summary");
            client.awaitCaughtUp(PATIENCE);
            assertContact(client.partnerAt(partnerId, version), ERASED);
            assertThat(keyDocument(app, partnerId))
                    .as("no rebuild creates a key")
                    .isFalse();

            // a contact given afterwards is a new one, in clear, under a new key
            PrmClient.Response updated = client.patch("/api/partners/" + partnerId, """
                    {"contact": {"name": "Nora Later", "email": "nora.%s@erasure.example"}}""".formatted(run));
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            JsonNode later =
                    client.partnerAt(partnerId, updated.json().get("version").asLong());
            assertThat(later.at("/contact/name").asText()).isEqualTo("Nora Later");
            assertThat(keyDocument(app, partnerId)).isTrue();
            assertStoredSealed(jdbc, partnerId);
            client.awaitCaughtUp(PATIENCE);
        } finally {
            app.close();
        }

        // a restart reads the store again: the old contact stays erased, the new one in clear
        RunningStandalone restarted = start();
        try {
            PrmClient client = restarted.client();
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(partner(client, partnerId)
                                    .at("/contact/name")
                                    .asText())
                            .isEqualTo("Nora Later"));
            assertErasedHistory(client, partnerId);
            assertContact(onboardedInFeed(client, partnerId).get("data"), ERASED);
            assertVerified(client, partnerId);
        } finally {
            restarted.close();
        }
    }

    private RunningStandalone start() {
        return RunningStandalone.start(
                dataDir,
                "prm.partners.snapshot-threshold=3",
                "prm.webhooks.retry-schedule=100ms,200ms",
                "prm.webhooks.poll-interval=50ms");
    }

    private String onboard(PrmClient client) {
        PrmClient.Response created = client.post("/api/partners", """
                {"name": "Erasure Partner %s", "type": "RESELLER", "region": "GB",
                 "contact": {"name": "%s", "email": "%s", "phone": "%s"}}""".formatted(run, contactName, email, phone));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String erasure(String partnerId) {
        return "/api/partners/" + partnerId + "/erase-contact";
    }

    private static JsonNode partner(PrmClient client, String partnerId) {
        PrmClient.Response read = client.get("/api/partners/" + partnerId);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        return read.json();
    }

    /** {@code name}: the contact's clear name, or {@code [erased]} for all three fields. */
    private void assertContact(JsonNode holder, String name) {
        JsonNode contact = holder.get("contact");
        assertThat(contact).as(holder.toString()).isNotNull();
        boolean erased = name.equals(ERASED);
        assertThat(contact.get("name").asText()).isEqualTo(name);
        assertThat(contact.get("email").asText()).isEqualTo(erased ? ERASED : email);
        assertThat(contact.get("phone").asText()).isEqualTo(erased ? ERASED : phone);
    }

    /** The payload of the partner's onboarding as its history shows it, or null before the audit log has it. */
    private static JsonNode onboardedInHistory(PrmClient client, String partnerId) {
        PrmClient.Response history = client.get("/api/partners/" + partnerId + "/history?size=100");
        if (history.status() != 200) {
            return null;
        }
        assertThat(history.body()).doesNotContain("pd1:");
        for (JsonNode entry : history.json().get("items")) {
            if (entry.get("type").asText().equals("PartnerOnboarded")) {
                return entry.get("payload");
            }
        }
        return null;
    }

    private void assertErasedHistory(PrmClient client, String partnerId) {
        PrmClient.Response history = client.get("/api/partners/" + partnerId + "/history?size=100");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.body())
                .doesNotContain("pd1:", contactName, email, phone)
                .contains("PartnerContactErased");
        assertContact(onboardedInHistory(client, partnerId), ERASED);
    }

    private static JsonNode onboardedInFeed(PrmClient client, String partnerId) {
        return EventFeed.readAll(client, null, 1000, PARTNER_ONBOARDED).events().stream()
                .filter(event -> event.at("/data/partnerId").asText().equals(partnerId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no onboarding of " + partnerId + " in the feed"));
    }

    private static List<String> onboardedDelivered(WebhookReceiver receiver, String partnerId) {
        return receiver.requests().stream()
                .map(WebhookReceiver.Request::body)
                .filter(body -> body.contains(partnerId))
                .toList();
    }

    private static JsonNode state(PrmClient client, String partnerId, Instant asOf) {
        PrmClient.Response state = client.get("/api/partners/" + partnerId + "/state?asOf=" + asOf);
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        return state.json();
    }

    private void assertErasedExport(PrmClient client, String partnerId, String format) {
        PrmClient.Response export = client.get("/api/audit/export?partnerId=" + partnerId + "&format=" + format);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.body())
                .as(format)
                .doesNotContain("pd1:", contactName, email, phone)
                .contains("PartnerOnboarded", ERASED);
    }

    /** Sends the onboarding's delivery again: it goes out as the event reads now. */
    private void assertResentErased(
            PrmClient client, WebhookReceiver receiver, Webhooks.Subscription subscription, String partnerId) {
        JsonNode delivery = Webhooks.deliveries(client, subscription.id(), "delivered").stream()
                .filter(each -> each.get("eventId")
                        .asText()
                        .equals(onboardedInFeed(client, partnerId).get("id").asText()))
                .findFirst()
                .orElseThrow();
        PrmClient.Response resent = client.post("/api/webhooks/" + subscription.id() + "/deliveries/"
                + delivery.get("id").asText() + "/retry");
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(onboardedDelivered(receiver, partnerId)).hasSize(2));
        String body = onboardedDelivered(receiver, partnerId).get(1);
        assertThat(body).doesNotContain("pd1:", contactName, email, phone);
        assertContact(json(body).get("data"), ERASED);
    }

    private static void assertVerified(PrmClient client, String partnerId) {
        JsonNode verified =
                client.get("/api/audit/verify?partnerId=" + partnerId).json();
        assertThat(verified.get("verified").asBoolean()).as(verified.toString()).isTrue();
    }

    /** The event store's rows of the partner: sealed values, never the contact in clear. */
    private void assertStoredSealed(JdbcTemplate jdbc, String partnerId) {
        List<String> events = payloads(jdbc, "DomainEventEntry", partnerId);
        List<String> snapshots = payloads(jdbc, "SnapshotEventEntry", partnerId);
        assertThat(events).anyMatch(payload -> payload.contains("\"contact\":{\"name\":\"pd1:"));
        assertThat(snapshots).isNotEmpty();
        for (String payload : concat(events, snapshots)) {
            assertThat(payload).doesNotContain(contactName, email, phone, "Quentin", "quentin.");
        }
    }

    private static List<String> payloads(JdbcTemplate jdbc, String table, String partnerId) {
        return jdbc.query(
                "SELECT payload FROM " + table + " WHERE aggregateIdentifier = ?",
                (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8),
                partnerId);
    }

    private static boolean keyDocument(RunningStandalone app, String partnerId) {
        return app.bean(MongoTemplate.class)
                        .getCollection("personal_data_keys")
                        .countDocuments(new org.bson.Document("_id", partnerId))
                > 0;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
