package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: a partner and a deal go in over HTTP, come out of the read models, carry their
 * audit metadata, and are all still there after a restart on the same data directory.
 */
class WalkingSkeletonIT {

    @TempDir
    Path dataDir;

    @Test
    void partnerAndDealGoInOverHttpAndSurviveARestart() {
        String partnerId;
        String dealId;
        JsonNode partnerBefore;
        JsonNode dealBefore;
        try (RunningStandalone app = RunningStandalone.start(dataDir)) {
            PrmClient client = app.client();

            PrmClient.Response onboarded = client.post(
                    "/api/partners",
                    TestBodies.partner("Acme Resellers"),
                    Map.of("Content-Type", "application/json", "X-Correlation-Id", "walk-1"));
            assertThat(onboarded.status()).isEqualTo(201);
            assertThat(onboarded.header("X-Correlation-Id")).isEqualTo("walk-1");
            partnerId = onboarded.json().get("id").asText();
            assertThat(onboarded.header("Location")).isEqualTo("/api/partners/" + partnerId);
            assertThat(onboarded.json().get("version").asLong()).isEqualTo(1);
            // deals are registered only for an ACTIVE partner
            client.activate(partnerId);

            PrmClient.Response recorded = client.post("/api/deals", TestBodies.deal(partnerId, "25000.50"));
            assertThat(recorded.status()).isEqualTo(201);
            dealId = recorded.json().get("id").asText();
            assertThat(recorded.header("Location")).isEqualTo("/api/deals/" + dealId);
            assertThat(recorded.json().get("version").asLong()).isEqualTo(1);
            assertThat(recorded.json().get("status").asText()).isEqualTo("PENDING_APPROVAL");
            assertThat(recorded.header("X-Correlation-Id")).isNotBlank();

            PrmClient.Response partner =
                    client.get("/api/partners/" + partnerId + "?minVersion=" + PrmClient.ACTIVATED_VERSION);
            assertThat(partner.status()).isEqualTo(200);
            assertThat(partner.header("Warning")).isNull();
            assertThat(partner.json().get("name").asText()).isEqualTo("Acme Resellers");
            assertThat(partner.json().get("status").asText()).isEqualTo("ACTIVE");
            assertThat(partner.json().get("tier").asText()).isEqualTo("REGISTERED");
            assertThat(partner.json().get("version").asLong()).isEqualTo(PrmClient.ACTIVATED_VERSION);

            PrmClient.Response deal = client.get("/api/deals/" + dealId + "?minVersion=1");
            assertThat(deal.status()).isEqualTo(200);
            assertThat(deal.json().get("partnerId").asText()).isEqualTo(partnerId);
            assertThat(deal.json().at("/amount/amount").asText()).isEqualTo("25000.50");
            assertThat(deal.json().at("/amount/currency").asText()).isEqualTo("USD");
            assertThat(deal.json().at("/customer/domain").asText()).isEqualTo("globex.example");

            // the pipeline counts approved deals only
            PrmClient.Response approved = client.post("/api/deals/" + dealId + "/approve");
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().get("version").asLong()).isEqualTo(2);
            assertThat(client.get("/api/deals/" + dealId + "?minVersion=2")
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("APPROVED");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(client.get("/api/partners/" + partnerId)
                                    .json()
                                    .at("/pipeline/amount")
                                    .asText())
                            .isEqualTo("25000.50"));
            partnerBefore = client.get("/api/partners/" + partnerId).json();
            dealBefore = client.get("/api/deals/" + dealId).json();
            assertThat(partnerBefore.get("openDeals").asInt()).isEqualTo(1);

            assertAuditMetadata(app, partnerId, dealId, recorded.header("X-Correlation-Id"));
        }

        try (RunningStandalone restarted = RunningStandalone.start(dataDir)) {
            PrmClient client = restarted.client();
            assertThat(client.get("/api/partners/" + partnerId).json()).isEqualTo(partnerBefore);
            assertThat(client.get("/api/deals/" + dealId).json()).isEqualTo(dealBefore);
            assertThat(restarted.storedEvents()).isEqualTo(PrmClient.ACTIVATED_VERSION + 2);
        }
    }

    @Test
    void processorsResumeFromTheirTokensAfterARestart() {
        String partnerId;
        try (RunningStandalone app = RunningStandalone.start(dataDir)) {
            partnerId = app.client().onboardAndRead("Resume Ltd");
        }
        // Remove the document behind the application's back: a processor that started again from the first
        // event would bring it back; one that resumes from its token never sees that event again.
        deletePartnerDocument(partnerId);

        try (RunningStandalone restarted = RunningStandalone.start(dataDir)) {
            PrmClient client = restarted.client();
            StreamingEventProcessor processor = restarted
                    .bean(EventProcessingConfiguration.class)
                    .eventProcessor("partner-summary", StreamingEventProcessor.class)
                    .orElseThrow();
            client.onboardAndRead("Later Ltd");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> processor.processingStatus().size() == 2
                            && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
            assertThat(client.get("/api/partners/" + partnerId).status()).isEqualTo(404);
            assertThat(restarted.storedEvents()).isEqualTo(2);
        }
    }

    @Test
    void withAMongoUriTheReadModelsGoThereAndNoEmbeddedServerStarts() {
        MongoServer external = new MongoServer(H2Backend.inMemory());
        String uri = "mongodb://" + hostAndPort(external.bind());
        try (RunningStandalone app = RunningStandalone.start(dataDir, "prm.mongo.uri=" + uri);
                MongoClient mongo = MongoClients.create(uri)) {
            String partnerId = app.client().onboardAndRead("Elsewhere GmbH");

            assertThat(mongo.getDatabase("prm")
                            .getCollection("partners")
                            .countDocuments(new Document("_id", partnerId)))
                    .isEqualTo(1);
            assertThat(app.beansOf(EmbeddedMongo.class)).isEmpty();
        } finally {
            external.shutdownNow();
        }
    }

    private void deletePartnerDocument(String partnerId) {
        MongoServer server = new MongoServer(
                new H2Backend(dataDir.resolve("read-models.mv.db").toString()));
        try (MongoClient mongo = MongoClients.create("mongodb://" + hostAndPort(server.bind()))) {
            long deleted = mongo.getDatabase("prm")
                    .getCollection("partners")
                    .deleteOne(new Document("_id", partnerId))
                    .getDeletedCount();
            assertThat(deleted).isEqualTo(1);
        } finally {
            server.shutdownNow();
        }
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static void assertAuditMetadata(
            RunningStandalone app, String partnerId, String dealId, String generatedCorrelationId) {
        EventStore store = app.bean(EventStore.class);
        List<? extends DomainEventMessage<?>> partnerEvents =
                store.readEvents(partnerId).asStream().toList();
        List<? extends DomainEventMessage<?>> dealEvents =
                store.readEvents(dealId).asStream().toList();
        assertThat(partnerEvents).hasSize((int) PrmClient.ACTIVATED_VERSION);
        assertThat(dealEvents).hasSize(2);
        DomainEventMessage<?> onboarded = partnerEvents.get(0);
        DomainEventMessage<?> recorded = dealEvents.get(0);
        assertThat(onboarded.getPayload()).isInstanceOf(PartnerOnboarded.class);
        assertThat(recorded.getPayload()).isInstanceOf(DealRecorded.class);
        assertThat(onboarded.getMetaData())
                .containsEntry(PrmMetadata.ACTOR, "admin")
                .containsEntry(PrmMetadata.CORRELATION_ID, "walk-1")
                .containsKey(PrmMetadata.CAUSATION_ID);
        assertThat(recorded.getMetaData()).containsEntry(PrmMetadata.ACTOR, "admin");
        assertThat(recorded.getMetaData()).containsEntry(PrmMetadata.CORRELATION_ID, generatedCorrelationId);
        assertThat(onboarded.getMetaData().get(PrmMetadata.CAUSATION_ID))
                .isNotNull()
                .isNotEqualTo(onboarded.getIdentifier())
                .isNotEqualTo(recorded.getMetaData().get(PrmMetadata.CAUSATION_ID));
    }
}
