package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.sidecar.prm.query.audit.AuditPage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit endpoints over HTTP (API.md, "Audit"): a partner's history with its deals' events, who and why, paged
 * and by time; a deal's history; verification of untouched history, and of a store whose event was altered behind
 * the product's back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private final String run = "a" + UUID.randomUUID().toString().substring(0, 8);
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

    @Test
    void historyHoldsThePartnersAndItsDealsEventsInOrderWithWhoAndWhy() {
        String partner = client.activePartner("Historic " + run);
        String deal = recordAndApprove(partner, run + "-history.example");
        client.awaitCaughtUp(PATIENCE);

        JsonNode history =
                client.get("/api/partners/" + partner + "/history?size=200").json();
        List<String> types = texts(history.get("items"), "type");
        assertThat(types)
                .containsExactly(
                        "PartnerOnboarded",
                        "OnboardingStepCompleted",
                        "OnboardingStepCompleted",
                        "OnboardingStepCompleted",
                        "PartnerActivated",
                        "DealRecorded",
                        "DealApproved");
        assertThat(history.get("total").asLong()).isEqualTo(7);
        long previous = -1;
        for (JsonNode entry : history.get("items")) {
            assertThat(entry.get("position").asLong()).isGreaterThan(previous);
            previous = entry.get("position").asLong();
            assertThat(entry.get("hash").asText()).matches("[0-9a-f]{64}");
            assertThat(entry.get("actor").asText()).isNotBlank();
            assertThat(entry.get("correlationId").asText()).isNotBlank();
            assertThat(entry.get("revision").asText()).isNotBlank();
            assertThat(entry.get("occurredAt").asText()).isNotBlank();
            assertThat(entry.get("payload").get("partnerId").asText()).isEqualTo(partner);
        }
        JsonNode recorded = history.get("items").get(5);
        assertThat(recorded.get("aggregateType").asText()).isEqualTo("Deal");
        assertThat(recorded.get("aggregateId").asText()).isEqualTo(deal);
        assertThat(recorded.get("sequence").asLong()).isZero();
        assertThat(history.get("items").get(4).get("sequence").asLong()).isEqualTo(4);

        JsonNode dealHistory = client.get("/api/deals/" + deal + "/history").json();
        assertThat(texts(dealHistory.get("items"), "type")).containsExactly("DealRecorded", "DealApproved");
        assertThat(texts(dealHistory.get("items"), "hash"))
                .containsExactlyElementsOf(texts(history.get("items"), "hash").subList(5, 7));
    }

    @Test
    void historyPagesAndSelectsByTheInstantEventsOccurredAt() {
        String partner = client.activePartner("Paged " + run);
        client.awaitCaughtUp(PATIENCE);
        JsonNode all = client.get("/api/partners/" + partner + "/history").json();
        JsonNode page = client.get("/api/partners/" + partner + "/history?page=1&size=2")
                .json();
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(texts(page.get("items"), "hash"))
                .containsExactlyElementsOf(texts(all.get("items"), "hash").subList(2, 4));
        assertThat(client.get("/api/partners/" + partner + "/history?page=9&size=2")
                        .json()
                        .get("items"))
                .isEmpty();

        String activatedAt = all.get("items").get(4).get("occurredAt").asText();
        JsonNode before = client.get("/api/partners/" + partner + "/history?to=" + activatedAt)
                .json();
        assertThat(texts(before.get("items"), "type")).doesNotContain("PartnerActivated");
        JsonNode after = client.get("/api/partners/" + partner + "/history?from=" + activatedAt)
                .json();
        assertThat(texts(after.get("items"), "type")).contains("PartnerActivated");
        assertThat(before.get("total").asLong() + after.get("total").asLong()).isEqualTo(5);
    }

    @Test
    void badHistoryRequestsAreProblemsAndUnknownOnesNotFound() {
        String partner = client.activePartner("Asked " + run);
        client.awaitCaughtUp(PATIENCE);
        for (String query : List.of(
                "from=yesterday",
                "to=2026-13-01T00:00:00Z",
                "size=0",
                "size=201",
                "page=-1",
                "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            PrmClient.Response bad = client.get("/api/partners/" + partner + "/history?" + query);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.header("Content-Type")).as(query).startsWith("application/problem+json");
        }
        assertThat(client.get("/api/partners/no-such-partner/history").status()).isEqualTo(404);
        assertThat(client.get("/api/deals/no-such-deal/history").status()).isEqualTo(404);
        assertThat(client.get("/api/audit/verify?partnerId=no-such-partner").status())
                .isEqualTo(404);
        PrmClient.Response replay = client.post("/api/admin/processors/audit-log/replay");
        assertThat(replay.status())
                .as("the recorded hashes are the witness: never rebuilt")
                .isEqualTo(409);
    }

    @Test
    void untouchedHistoryVerifiesAndAnAlteredEventIsNamed() {
        String victim = client.activePartner("Victim " + run);
        String deal = recordAndApprove(victim, run + "-victim.example");
        String bystander = client.activePartner("Bystander " + run);
        client.awaitCaughtUp(PATIENCE);

        JsonNode clean = client.get("/api/audit/verify?partnerId=" + victim).json();
        assertThat(clean.get("verified").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.get("streamsChecked").asLong()).isEqualTo(2);
        assertThat(clean.get("eventsChecked").asLong()).isEqualTo(7);
        assertThat(clean.has("firstMismatch")).isFalse();
        assertThat(texts(clean.get("heads"), "aggregateId")).containsExactly(victim, deal);
        JsonNode everything = client.get("/api/audit/verify").json();
        assertThat(everything.get("verified").asBoolean())
                .as(everything.toString())
                .isTrue();
        PrmClient.Response streamed =
                client.send("GET", "/api/audit/verify", "", java.util.Map.of("Accept", "text/event-stream"));
        assertThat(streamed.header("Content-Type")).startsWith("text/event-stream");
        assertThat(streamed.body()).contains("event:result").contains("\"verified\":true");

        JdbcTemplate store = app.bean(JdbcTemplate.class);
        String payload = new String(
                store.queryForObject(
                        "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 0",
                        byte[].class,
                        deal),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"product\"");
        String altered = payload.replaceFirst("\"amount\":\"[0-9.]+\"", "\"amount\":\"1.00\"");
        assertThat(altered).isNotEqualTo(payload);
        store.update(
                "UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 0",
                altered.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                deal);

        JsonNode tampered = client.get("/api/audit/verify?partnerId=" + victim).json();
        assertThat(tampered.get("verified").asBoolean()).as(tampered.toString()).isFalse();
        JsonNode mismatch = tampered.get("firstMismatch");
        assertThat(mismatch.get("aggregateType").asText()).isEqualTo("Deal");
        assertThat(mismatch.get("aggregateId").asText()).isEqualTo(deal);
        assertThat(mismatch.get("sequence").asLong()).isZero();
        assertThat(mismatch.get("expected").asText())
                .isEqualTo(client.get("/api/deals/" + deal + "/history")
                        .json()
                        .get("items")
                        .get(0)
                        .get("hash")
                        .asText());
        assertThat(mismatch.get("found").asText())
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(mismatch.get("expected").asText());

        JsonNode untouched =
                client.get("/api/audit/verify?partnerId=" + bystander).json();
        assertThat(untouched.get("verified").asBoolean())
                .as(untouched.toString())
                .isTrue();
        JsonNode whole = client.get("/api/audit/verify").json();
        assertThat(whole.get("verified").asBoolean()).isFalse();
        assertThat(whole.get("firstMismatch").get("aggregateId").asText()).isEqualTo(deal);

        store.update(
                "UPDATE DomainEventEntry SET payload = ? WHERE aggregateIdentifier = ? AND sequenceNumber = 0",
                payload.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                deal);
        assertThat(client.get("/api/audit/verify").json().get("verified").asBoolean())
                .isTrue();
    }

    @Test
    void anEntryAlteredInTheAuditLogItselfIsNamed() {
        String partner = client.activePartner("Logged " + run);
        client.awaitCaughtUp(PATIENCE);
        MongoTemplate mongo = app.bean(MongoTemplate.class);
        MongoCollection<Document> pages = mongo.getCollection(mongo.getCollectionName(AuditPage.class));
        Document page = pages.find(Filters.eq("_id", partner + "/0000000000")).first();
        assertThat(page).isNotNull();
        Document original = Document.parse(page.toJson());
        try {
            alter(pages, page, "actor", "someone-else");
            assertNamed(partner, 4, "the audit log's entry shows a type, time or actor");
            alter(pages, Document.parse(original.toJson()), "payload", "{\"partnerId\":\"" + partner + "\"}");
            assertNamed(partner, 4, "the audit log's entry gives ");
        } finally {
            pages.replaceOne(Filters.eq("_id", page.get("_id")), original);
        }
        assertThat(client.get("/api/audit/verify?partnerId=" + partner)
                        .json()
                        .get("verified")
                        .asBoolean())
                .isTrue();
    }

    /** Alters the activation (entry 4) of a page of the audit log. */
    private static void alter(MongoCollection<Document> pages, Document page, String field, String value) {
        Document altered = page.getList("entries", Document.class).get(4);
        assertThat(altered.getString("type")).isEqualTo("PartnerActivated");
        altered.put(field, value);
        pages.replaceOne(Filters.eq("_id", page.get("_id")), page);
    }

    private void assertNamed(String partner, long sequence, String found) {
        JsonNode verified = client.get("/api/audit/verify?partnerId=" + partner).json();
        assertThat(verified.get("verified").asBoolean()).as(verified.toString()).isFalse();
        assertThat(verified.at("/firstMismatch/aggregateId").asText()).isEqualTo(partner);
        assertThat(verified.at("/firstMismatch/sequence").asLong()).isEqualTo(sequence);
        assertThat(verified.at("/firstMismatch/found").asText()).startsWith(found);
    }

    private String recordAndApprove(String partner, String domain) {
        PrmClient.Response recorded = client.post("/api/deals", TestBodies.deal(partner, domain, "4200.00"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String deal = recorded.json().get("id").asText();
        PrmClient.Response approved = client.post("/api/deals/" + deal + "/approve");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return deal;
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.get(field).asText()));
        return texts;
    }
}
