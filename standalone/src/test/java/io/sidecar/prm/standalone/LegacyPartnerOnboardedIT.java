package io.sidecar.prm.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.upcasting.PrmEventUpcasters;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.GenericUpcasterChain;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner onboarded before {@link PartnerOnboarded} had a language: its revision-1 event, exactly as it was
 * stored (fixtures/PartnerOnboarded-revision-1.json, the same fixture as the upcaster's test in shared-events), is
 * put into the event store with SQL, and the running application reads it as revision 2 with language {@code en}
 * everywhere: in the read model, in the aggregate that decides the partner's commands, in the event store's answer.
 * The stored row itself stays as it was written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyPartnerOnboardedIT {

    private static final String FIXTURE = "/fixtures/PartnerOnboarded-revision-1.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** The metadata every event carries, as a command over HTTP by {@code admin} would have given it. */
    private static final String ACTOR = "admin";

    private static final String CORRELATION_ID = "3b9d6c1e-0f4a-4d2b-8e57-c6a1f0e9d742";
    private static final String CAUSATION_ID = "a8e4f2c0-71b3-4e96-9d05-2f6c8b1e7a33";

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient client;
    private JsonNode legacy;
    private String legacyId;

    @BeforeAll
    void startWithALegacyPartner() throws IOException {
        app = RunningStandalone.start(dataDir);
        client = app.client();
        byte[] payload = fixture();
        legacy = JSON.readTree(payload);
        legacyId = legacy.get("partnerId").asText();
        byte[] metaData = JSON.writeValueAsBytes(JSON.createObjectNode()
                .put("actor", ACTOR)
                .put("correlationId", CORRELATION_ID)
                .put("causationId", CAUSATION_ID));
        app.bean(JdbcTemplate.class)
                .update(
                        "INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                                + " metaData, payload, payloadRevision, payloadType, timeStamp)"
                                + " VALUES (?, 0, 'Partner', ?, ?, ?, '1', ?, ?)",
                        legacyId,
                        UUID.randomUUID().toString(),
                        metaData,
                        payload,
                        PartnerOnboarded.class.getName(),
                        DateTimeUtils.formatInstant(
                                Instant.parse(legacy.get("onboardedAt").asText())));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theLegacyPartnersPageShowsLanguageEnAndEveryStoredField() {
        JsonNode view = awaitPartner(legacyId);

        assertThat(view.get("language").asText()).isEqualTo("en");
        assertThat(view.get("name").asText()).isEqualTo(legacy.get("name").asText());
        assertThat(view.get("type").asText()).isEqualTo(legacy.get("type").asText());
        assertThat(view.get("region").asText()).isEqualTo(legacy.get("region").asText());
        assertThat(view.get("contact")).isEqualTo(legacy.get("contact"));
        assertThat(view.get("website").asText()).isEqualTo(legacy.get("website").asText());
        assertThat(Instant.parse(view.get("onboardedAt").asText()))
                .as("to the millisecond, as the read model keeps instants (BSON dates)")
                .isEqualTo(Instant.parse(legacy.get("onboardedAt").asText()).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void theEventStoreAnswersTheLegacyEventAsRevision2WithLanguageEn() {
        List<? extends DomainEventMessage<?>> stream =
                app.bean(EventStore.class).readEvents(legacyId).asStream().toList();

        assertThat(stream).isNotEmpty();
        assertThat(stream.get(0).getPayload()).isInstanceOfSatisfying(PartnerOnboarded.class, onboarded -> {
            assertThat(onboarded.language()).isEqualTo("en");
            assertThat(onboarded.name()).isEqualTo(legacy.get("name").asText());
        });
        assertThat(stream.get(0).getMetaData()).containsEntry("actor", ACTOR);
    }

    @Test
    void commandsOnTheLegacyPartnerLoadItThroughTheUpcasterAndDecide() {
        awaitPartner(legacyId);

        client.activate(legacyId);

        JsonNode view = client.partnerAt(legacyId, PrmClient.ACTIVATED_VERSION);
        assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.get("language").asText()).isEqualTo("en");
        JsonNode stored =
                StoredEvents.of(app).single(legacyId, "PartnerOnboarded").payload();
        assertThat(stored).as("the stored row as it was written").isEqualTo(legacy);
    }

    @Test
    void aNewPartnerIsStoredAsRevision2WithItsLanguageInCanonicalCase() {
        PrmClient.Response onboarded =
                client.post("/api/partners", TestBodies.partnerSpeaking("Lusitano Parceiros", "pt-br"));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        String id = onboarded.json().get("id").asText();

        assertThat(client.partnerAt(id, 1).get("language").asText()).isEqualTo("pt-BR");
        assertThat(app.bean(JdbcTemplate.class)
                        .queryForObject(
                                "SELECT payloadRevision FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                                String.class,
                                id))
                .isEqualTo("2");
        StoredEvents.Row row = StoredEvents.of(app).single(id, "PartnerOnboarded");
        assertThat(row.payload().get("language").asText()).isEqualTo("pt-BR");
        assertThat(row.metaData().fieldNames())
                .as("the legacy row's metadata imitates a real one")
                .toIterable()
                .containsExactlyInAnyOrder("actor", "correlationId", "causationId");
    }

    @Test
    void aPartnerOnboardedOverHttpWithLanguageDeShowsDe() {
        PrmClient.Response onboarded =
                client.post("/api/partners", TestBodies.partnerSpeaking("Hanse Vertrieb GmbH", "de"));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);

        JsonNode view = client.partnerAt(onboarded.json().get("id").asText(), 1);

        assertThat(view.get("language").asText()).isEqualTo("de");
    }

    @Test
    void theApplicationsAxonConfigurationUpcastsARevision1EventExactlyOnce() throws Exception {
        PrmEventUpcasters upcasters = app.bean(PrmEventUpcasters.class);
        assertThat(app.beansOf(EventUpcaster.class))
                .as("one chain of upcasters, though both sides declare it")
                .containsOnlyKeys("prmEventUpcasters");
        Configuration axon = app.bean(Configuration.class);
        assertThat(upcastersIn(axon.upcasterChain()))
                .as("what Axon's chain runs")
                .containsExactly(upcasters);

        Serializer serializer = axon.eventSerializer();
        List<IntermediateEventRepresentation> read = axon.upcasterChain()
                .upcast(Stream.of(new InitialEventRepresentation(
                        new GenericDomainEventEntry<>(
                                "Partner",
                                legacyId,
                                0,
                                UUID.randomUUID().toString(),
                                legacy.get("onboardedAt").asText(),
                                PartnerOnboarded.class.getName(),
                                "1",
                                fixture(),
                                "{}".getBytes(StandardCharsets.UTF_8)),
                        serializer)))
                .toList();

        assertThat(read).hasSize(1);
        assertThat(read.get(0).getType().getRevision()).isEqualTo("2");
        PartnerOnboarded upcast = serializer.deserialize(read.get(0).getData());
        assertThat(upcast.language()).isEqualTo("en");
        assertThat(upcast.partnerId()).isEqualTo(legacyId);
    }

    /**
     * The auditors' history shows each event as it was STORED: the legacy partner's onboarding at revision 1 without
     * a language, a new partner's at revision 2 with one. Written against the contract of
     * {@code GET /api/partners/{id}/history} (API.md, "Audit"), which lands with the audit log.
     */
    @Test
    void theHistoryShowsEachOnboardingInTheRevisionItWasStoredIn() {
        awaitPartner(legacyId);
        JsonNode legacyEntry = firstHistoryEntry(legacyId);
        assertThat(legacyEntry.get("aggregateType").asText()).isEqualTo("Partner");
        assertThat(legacyEntry.get("aggregateId").asText()).isEqualTo(legacyId);
        assertThat(legacyEntry.get("sequence").asLong()).isZero();
        assertThat(legacyEntry.get("type").asText()).isEqualTo("PartnerOnboarded");
        assertThat(legacyEntry.get("revision").asText()).isEqualTo("1");
        assertThat(legacyEntry.get("payload")).as("as stored").isEqualTo(legacy);
        assertThat(legacyEntry.get("payload").has("language")).isFalse();
        assertThat(Instant.parse(legacyEntry.get("occurredAt").asText()))
                .isEqualTo(Instant.parse(legacy.get("onboardedAt").asText()));
        assertThat(legacyEntry.get("recordedAt").asText()).isNotBlank();
        assertThat(legacyEntry.get("actor").asText()).isEqualTo(ACTOR);
        assertThat(legacyEntry.get("correlationId").asText()).isEqualTo(CORRELATION_ID);
        assertThat(legacyEntry.get("causationId").asText()).isEqualTo(CAUSATION_ID);
        assertThat(legacyEntry.get("position").isIntegralNumber()).isTrue();
        assertThat(legacyEntry.get("hash").asText()).isNotBlank();

        PrmClient.Response onboarded =
                client.post("/api/partners", TestBodies.partnerSpeaking("Bergmann Systemhaus", "de"));
        assertThat(onboarded.status()).as(onboarded.body()).isEqualTo(201);
        String id = onboarded.json().get("id").asText();
        client.partnerAt(id, 1);
        JsonNode entry = firstHistoryEntry(id);
        assertThat(entry.get("type").asText()).isEqualTo("PartnerOnboarded");
        assertThat(entry.get("revision").asText()).isEqualTo("2");
        assertThat(entry.at("/payload/language").asText()).isEqualTo("de");
        assertThat(entry.at("/payload/partnerId").asText()).isEqualTo(id);
    }

    private JsonNode firstHistoryEntry(String partnerId) {
        client.awaitCaughtUp(PATIENCE);
        PrmClient.Response history = client.get("/api/partners/" + partnerId + "/history?page=0&size=50");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode page = history.json();
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        assertThat(page.get("total").asLong()).isPositive();
        assertThat(page.get("items")).isNotEmpty();
        return page.get("items").get(0);
    }

    /** The partner's page, once the read model has folded its onboarding. */
    private JsonNode awaitPartner(String partnerId) {
        return await("the read model shows partner " + partnerId)
                .atMost(PATIENCE)
                .until(
                        () -> {
                            PrmClient.Response read = client.get("/api/partners/" + partnerId);
                            return read.status() == 200 ? read.json() : null;
                        },
                        view -> view != null);
    }

    /** The upcasters an Axon chain runs, in order; Axon offers them to subclasses only. */
    private static List<Object> upcastersIn(EventUpcaster chain) throws ReflectiveOperationException {
        Method upcasters = GenericUpcasterChain.class.getDeclaredMethod("getUpcasters");
        upcasters.setAccessible(true);
        return List.copyOf((List<?>) upcasters.invoke(chain));
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = LegacyPartnerOnboardedIT.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            return in.readAllBytes();
        }
    }
}
