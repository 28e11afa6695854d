package io.sidecar.prm.query.partner;

import static io.sidecar.prm.query.DealTestData.PARTNER;
import static io.sidecar.prm.query.DealTestData.approved;
import static io.sidecar.prm.query.DealTestData.recorded;
import static io.sidecar.prm.query.DealTestData.usd;
import static io.sidecar.prm.query.PartnerTestData.onboarded;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The partner's deal figures stored and read back, on the embedded MongoDB. */
class PartnerQueriesTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private PartnerQueries queries;
    private PartnerView stored;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "prm");
        queries = new PartnerQueries(mongo);
        PartnerViewFold fold = new PartnerViewFold("USD");
        PartnerView view = fold.apply(null, onboarded(PARTNER), 0);
        view = fold.apply(view, recorded("d-1", "10.00"), 0);
        view = fold.apply(view, approved("d-1"), 1);
        stored = mongo.save(view);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void onePartnerReadsBackWithItsBookkeeping() {
        PartnerView read = queries.handle(new FindPartnerQuery(PARTNER));

        assertThat(read).isEqualTo(stored);
        assertThat(read.openDealsById()).containsOnlyKeys("d-1");
        assertThat(read.appliedVersion("d-1")).isEqualTo(2);
        assertThat(read.pipelineByStage().keySet()).containsExactly("UNSTAGED", "QUALIFIED", "PROPOSAL", "NEGOTIATION");
    }

    @Test
    void aDocumentStoredBeforePartnersHadALanguageReadsAsEnglish() {
        mongo.getCollection("partners").updateOne(Filters.eq("_id", PARTNER), Updates.unset("language"));
        assertThat(mongo.getCollection("partners").find().first()).doesNotContainKey("language");

        PartnerView read = queries.handle(new FindPartnerQuery(PARTNER));

        assertThat(read.language()).isEqualTo("en");
        assertThat(read.name()).isEqualTo(stored.name());
    }

    @Test
    void theListShowsSummariesWithTheFiguresAndTheHealthOfTheDay() {
        PartnerSummary item = queries.handle(new FindPartnersQuery(
                        null, null, null, null, null, null, LocalDate.parse("2026-02-01"), 0, 50, "name", false, null))
                .items()
                .get(0);

        assertThat(item.id()).isEqualTo(PARTNER);
        assertThat(item.pipeline()).isEqualTo(usd("10.00"));
        assertThat(item.healthScore())
                .isEqualTo(
                        PartnerHealth.of(stored, LocalDate.parse("2026-02-01")).healthScore());
        assertThat(item.version()).isEqualTo(stored.version());
    }
}
