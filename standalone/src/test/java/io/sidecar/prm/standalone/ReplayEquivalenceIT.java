package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sidecar.prm.query.QuerySideConfiguration;
import io.sidecar.prm.query.audit.AuditPage;
import io.sidecar.prm.query.audit.AuditPartner;
import io.sidecar.prm.query.checkin.CheckInView;
import io.sidecar.prm.query.deal.DealView;
import io.sidecar.prm.query.partner.PartnerView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A rebuilt read model equals the live one (issue 6): a few thousand events of every kind are loaded over HTTP,
 * every read model is read as raw documents, then rebuilt from the first event, by the replay endpoint or from an
 * empty read-model file, and read again: the same documents, field by field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayEquivalenceIT {

    /** The projections, in the order they are replayed, and the read model each one keeps. */
    private static final Map<String, Class<?>> PROJECTIONS = new LinkedHashMap<>();

    static {
        PROJECTIONS.put("partner-summary", PartnerView.class);
        PROJECTIONS.put("deals", DealView.class);
        PROJECTIONS.put("check-ins", CheckInView.class);
    }
    /** Every event type the HTTP API can cause without waiting for a deal's protection to end. */
    private static final List<String> EVENT_TYPES = List.of(
            "PartnerOnboarded",
            "OnboardingStepCompleted",
            "PartnerActivated",
            "PartnerTierChanged",
            "PartnerGoalSet",
            "CheckInRecorded",
            "PartnerProfileUpdated",
            "PartnerSuspended",
            "PartnerReinstated",
            "PartnerOffboarded",
            "DealRecorded",
            "DealApproved",
            "DealRejected",
            "DealStageAdvanced",
            "DealProtectionExtended",
            "DealWon",
            "DealLost",
            "DealWithdrawn");

    private static final String PARTNERS = "partners";
    private static final String DEALS = "deals";
    private static final String CHECK_INS = "check_ins";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private MixedLoad.Totals loaded;
    private long storedEvents;

    @BeforeAll
    void startAndLoad() throws Exception {
        app = RunningStandalone.start(dataDir);
        long started = System.nanoTime();
        loaded = new MixedLoad(4, 16).run(app);
        awaitEveryProcessorCaughtUp();
        storedEvents = app.storedEvents();
        System.out.printf(
                "loaded %d events (%s) in %d s%n",
                storedEvents,
                loaded,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());

        Map<String, Long> counts = StoredEvents.of(app).countsByType();
        assertThat(PROJECTIONS.keySet())
                .as("every projection")
                .containsExactlyElementsOf(QuerySideConfiguration.PROJECTIONS);
        assertThat(storedEvents).isGreaterThanOrEqualTo(2_000);
        assertThat(counts).as("events by type").containsKeys(EVENT_TYPES.toArray(String[]::new));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void replayingEveryProjectionFromTheFirstEventRebuildsTheSameDocuments() {
        ReadModelSnapshot before = snapshot();
        ReadModelSnapshot auditBefore = auditSnapshot();
        PrmClient client = app.client();

        PROJECTIONS.keySet().forEach(projection -> replay(client, projection));
        awaitEveryProcessorCaughtUp();

        ReadModelSnapshot after = snapshot();
        assertThat(auditSnapshot().differencesFrom(auditBefore))
                .as("the audit log, untouched by a replay or recorded again from the store")
                .isEmpty();
        assertThat(after.differencesFrom(before))
                .as("rebuilt documents against the live ones")
                .isEmpty();
        assertThat(app.storedEvents()).as("events stored by the replay").isEqualTo(storedEvents);
    }

    @Test
    void whileAProjectionIsReplayedItsAnswersSaySoOrAreThoseOfBefore() throws Exception {
        PrmClient client = app.client();
        SoftAssertions softly = new SoftAssertions();
        try (ReadsDuringReplay reads = new ReadsDuringReplay(client, readsOfEachProjection(snapshot()))) {
            for (String projection : PROJECTIONS.keySet()) {
                JsonNode accepted = replay(client, projection);
                // the reset has emptied the collection before the answer, and thousands of events are to be read
                softly.assertThat(accepted.get("replaying").asBoolean())
                        .as("the 202 answer of %s's replay says replaying: %s", projection, accepted)
                        .isTrue();
            }
            reads.start();
            Set<String> seenReplaying = awaitEveryProcessorCaughtUp();
            reads.close();

            softly.assertThat(reads.unmarkedAndDifferent())
                    .as(
                            "answers that differed from those before the replay, without Warning: replaying (of %d)",
                            reads.reads())
                    .isEmpty();
            softly.assertThat(reads.warned() > 0 || !seenReplaying.isEmpty())
                    .as(
                            "the replay was visible while it ran: %d of %d answers said replaying; processors listed"
                                    + " as replaying: %s",
                            reads.warned(), reads.reads(), seenReplaying)
                    .isTrue();
        }
        softly.assertAll();
    }

    /**
     * The read models, their tokens and the audit log lost (dropped from the read-model file while the product is
     * down): rebuilt from the store, they equal those before. The file also holds what is not rebuilt from events
     * (users, personal-data keys, webhook subscriptions), which is kept: without its keys every contact would read
     * erased (ADR 012).
     */
    @Test
    void readModelsRebuiltAfterTheyWereDroppedEqualThoseBefore() throws Exception {
        awaitEveryProcessorCaughtUp();
        ReadModelSnapshot before = snapshot();
        ReadModelSnapshot auditBefore = auditSnapshot();
        long events = app.storedEvents();
        app.close();

        ReadModelFile.dropRebuildable(dataDir);
        app = RunningStandalone.start(dataDir);
        awaitEveryProcessorCaughtUp();

        ReadModelSnapshot after = snapshot();
        assertThat(auditSnapshot().differencesFrom(auditBefore))
                .as("the audit log, untouched by a replay or recorded again from the store")
                .isEmpty();
        assertThat(after.differencesFrom(before))
                .as("rebuilt documents against those before")
                .isEmpty();
        assertThat(app.storedEvents())
                .as("events stored by processors (the policies too) starting again from the first event")
                .isEqualTo(events);
    }

    /** Starts a projection's replay; answers the processor's status in the 202 answer. */
    private static JsonNode replay(PrmClient client, String projection) {
        PrmClient.Response accepted = client.post("/api/admin/processors/" + projection + "/replay");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/api/admin/processors");
        assertThat(accepted.json().get("name").asText()).isEqualTo(projection);
        return accepted.json();
    }

    /** Every read-model collection, raw; checks first that it holds everything the load created. */
    private ReadModelSnapshot snapshot() {
        MongoTemplate mongo = app.bean(MongoTemplate.class);
        Set<String> collections = new TreeSet<>();
        PROJECTIONS.values().forEach(type -> collections.add(mongo.getCollectionName(type)));
        Set<String> all = new TreeSet<>(mongo.getCollectionNames());
        all.remove("trackingtokens");
        all.remove(mongo.getCollectionName(AuditPage.class));
        all.remove(mongo.getCollectionName(AuditPartner.class));
        // the security module's state: users, personal-data keys, idempotency records (no read models)
        all.removeAll(ReadModelFile.KEPT);
        assertThat(all).as("read-model collections").containsExactlyInAnyOrderElementsOf(collections);

        ReadModelSnapshot snapshot = ReadModelSnapshot.of(mongo, collections);
        assertThat(snapshot.size(PARTNERS)).isEqualTo(loaded.partners());
        assertThat(snapshot.size(DEALS)).isEqualTo(loaded.deals());
        assertThat(snapshot.size(CHECK_INS)).isEqualTo(loaded.checkIns());
        return snapshot;
    }

    /**
     * The audit log, as what it must keep whatever happens: every recorded event by its stream and sequence (hash,
     * position, payload …) and every stream's chain head. Not its pages: the order of a partner's history is the
     * order the store delivered its commits, and a store read again from the start delivers in position order.
     */
    private ReadModelSnapshot auditSnapshot() {
        MongoTemplate mongo = app.bean(MongoTemplate.class);
        Map<String, Document> entries = new TreeMap<>();
        for (Document page :
                mongo.getCollection(mongo.getCollectionName(AuditPage.class)).find()) {
            for (Document entry : page.getList("entries", Document.class)) {
                Document kept = new Document(entry);
                kept.remove("ordinal");
                entries.put(entry.getString("aggregateId") + "/" + entry.get("sequence"), kept);
            }
        }
        Map<String, Document> heads = new TreeMap<>();
        for (Document partner :
                mongo.getCollection(mongo.getCollectionName(AuditPartner.class)).find()) {
            for (Document head : partner.getList("streams", Document.class)) {
                heads.put(
                        head.getString("aggregateId"),
                        new Document("events", head.get("events")).append("hash", head.get("hash")));
            }
        }
        assertThat(entries).as("every stored event recorded").hasSize((int) app.storedEvents());
        return new ReadModelSnapshot(Map.of("audit entries by stream", entries, "audit chain heads", heads));
    }

    /** A partner's page, a deal and a partner's check-ins: one read of each projection's model. */
    private static List<String> readsOfEachProjection(ReadModelSnapshot snapshot) {
        Document partner =
                snapshot.collections().get(PARTNERS).values().iterator().next();
        Document deal = snapshot.collections().get(DEALS).values().iterator().next();
        Document checkIn =
                snapshot.collections().get(CHECK_INS).values().iterator().next();
        return List.of(
                "/api/partners/" + partner.get("_id"),
                "/api/deals/" + deal.get("_id"),
                "/api/partners/" + checkIn.get("partnerId") + "/check-ins?size=200");
    }

    /**
     * Waits until every processor has claimed all its segments, is at the head and not replaying; answers the
     * projections it saw replaying meanwhile.
     */
    private Set<String> awaitEveryProcessorCaughtUp() {
        PrmClient client = app.client();
        Set<String> seenReplaying = new TreeSet<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode processors = client.get("/api/admin/processors").json();
            processors.forEach(processor -> {
                if (processor.get("replaying").asBoolean()) {
                    seenReplaying.add(processor.get("name").asText());
                }
            });
            assertThat(processors)
                    .extracting(processor -> processor.get("name").asText())
                    .containsAll(PROJECTIONS.keySet());
            for (JsonNode processor : processors) {
                String name = processor.get("name").asText();
                assertThat(processor.get("error").asBoolean())
                        .as(name + " in error")
                        .isFalse();
                assertThat(processor.get("running").asBoolean())
                        .as(name + " running")
                        .isTrue();
                assertThat(processor.get("segments").asInt())
                        .as(name + " segments")
                        .isPositive();
                assertThat(processor.get("claimed").asInt())
                        .as(name + " claimed")
                        .isEqualTo(processor.get("segments").asInt());
                assertThat(processor.get("lag").asLong()).as(name + " lag").isZero();
                assertThat(processor.get("replaying").asBoolean())
                        .as(name + " replaying")
                        .isFalse();
            }
        });
        return seenReplaying;
    }
}
