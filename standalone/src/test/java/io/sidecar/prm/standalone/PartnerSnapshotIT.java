package io.sidecar.prm.standalone;

import static io.sidecar.prm.standalone.PartnerLifecycleIT.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.sidecar.prm.command.partner.Partner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A partner with many events is snapshotted every {@code prm.partners.snapshot-threshold} events, loads from its
 * latest snapshot, and decides from the state the snapshot restored exactly as from its events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerSnapshotIT {

    private static final int THRESHOLD = 5;
    private static final int CHECK_INS = 12;

    /** Static: with one instance per class, JUnit injects instance fields only after {@code @BeforeAll}. */
    @TempDir
    static Path dataDir;

    private RunningStandalone app;
    private PrmClient client;

    @BeforeAll
    void start() {
        app = RunningStandalone.start(dataDir, "prm.partners.snapshot-threshold=" + THRESHOLD);
        client = app.client();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aPartnerIsSnapshottedAndDecidesFromTheRestoredState() {
        String id = client.activePartner("Snapshot Partner");
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        for (int i = 0; i < CHECK_INS; i++) {
            PrmClient.Response recorded =
                    client.post("/api/partners/" + id + "/check-ins", TestBodies.checkIn(yesterday, "Call " + i));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        }
        long version = PrmClient.ACTIVATED_VERSION + CHECK_INS;

        JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshotSequence(jdbc, id) != null);
        long snapshotSequence = snapshotSequence(jdbc, id);
        assertThat(snapshotSequence).isBetween((long) THRESHOLD - 1, version - 1);
        assertThat(jdbc.queryForObject(
                        "SELECT payloadType FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", String.class, id))
                .isEqualTo(Partner.class.getName());

        List<? extends DomainEventMessage<?>> stream =
                app.bean(EventStore.class).readEvents(id).asStream().toList();
        DomainEventMessage<?> first = stream.get(0);
        assertThat(first.getPayloadType()).isEqualTo(Partner.class);
        assertThat(first.getSequenceNumber()).isEqualTo(snapshotSequence);
        assertThat(stream).as("the snapshot, then the events after it").hasSize((int) (version - snapshotSequence));
        assertThat(stream.get(stream.size() - 1).getSequenceNumber()).isEqualTo(version - 1);

        // the events the snapshot covers are not read any more: without them the partner still decides (the read
        // models have seen them already)
        client.partnerAt(id, version);
        int deleted = jdbc.update(
                "DELETE FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber <= ?",
                id,
                snapshotSequence);
        assertThat(deleted).isEqualTo(snapshotSequence + 1);

        String partner = "/api/partners/" + id;
        PrmClient.Response activation = client.post(partner + "/activate");
        assertRefused(activation, 409, "partner.activation.not-onboarding");
        assertThat(activation.json().get("detail").asText())
                .as("the restored status")
                .endsWith("ACTIVE");
        assertVersion(client.post(partner + "/onboarding-steps/AGREEMENT_SIGNED"), version); // restored: done
        assertVersion(client.post(partner + "/tier", TestBodies.tier("REGISTERED", "Same")), version); // restored tier
        assertVersion(client.patch(partner, TestBodies.rename("Snapshot Partner")), version); // restored name
        assertRefused(client.post("/api/partners", TestBodies.partner("snapshot  PARTNER")), 409, "partner.name.taken");

        PrmClient.Response deal = client.post("/api/deals", TestBodies.deal(id, "snapshot.example", "99.00"));
        assertThat(deal.status()).as(deal.body()).isEqualTo(201);
        assertVersion(client.post(partner + "/suspend", TestBodies.reason("Review")), version + 1);
        assertRefused(
                client.post("/api/deals", TestBodies.deal(id, "suspended.example", "9.00")),
                409,
                "deal.partner.not-active");
        assertVersion(client.post(partner + "/reinstate"), version + 2);
        assertVersion(client.post(partner + "/tier", TestBodies.tier("SILVER", "Growing")), version + 3);

        JsonNode view = client.partnerAt(id, version + 3);
        assertThat(view.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(view.get("tier").asText()).isEqualTo("SILVER");
        assertThat(view.get("checkIns").asInt()).isEqualTo(CHECK_INS);
    }

    private static Long snapshotSequence(JdbcTemplate jdbc, String partnerId) {
        return jdbc.queryForObject(
                "SELECT MAX(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Long.class,
                partnerId);
    }

    private static void assertVersion(PrmClient.Response answer, long version) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("version").asLong()).as(answer.body()).isEqualTo(version);
    }
}
