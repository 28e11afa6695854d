package io.sidecar.prm.query.deal;

import static io.sidecar.prm.query.DealTestData.RECORDED_AT;
import static io.sidecar.prm.query.DealTestData.approved;
import static io.sidecar.prm.query.DealTestData.conflicting;
import static io.sidecar.prm.query.DealTestData.recorded;
import static io.sidecar.prm.query.DealTestData.staged;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.sidecar.prm.events.deal.DealEvent;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.query.readmodel.ReadModelDurability;
import io.sidecar.prm.query.readmodel.ReadModelStore;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The deals collection as the projection writes it and the list queries read it, on the embedded MongoDB. */
class DealQueriesTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private DealProjection projection;
    private DealQueries queries;
    private final Map<String, Long> sequences = new HashMap<>();

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "prm");
        projection =
                new DealProjection(new ReadModelStore(mongo, ReadModelDurability.IMMEDIATE, new ReadModelUpdates()));
        queries = new DealQueries(mongo);
        // d-1 oldest, p-1, approved and qualified; d-2 p-1 pending; d-3 p-2 rejected; d-4 newest, p-1, approved
        on(recorded("d-1", "p-1", "10.00", RECORDED_AT));
        on(approved("d-1"));
        on(staged("d-1", null, DealStage.QUALIFIED));
        on(recorded("d-2", "p-1", "20.00", RECORDED_AT.plus(Duration.ofDays(1))));
        on(recorded("d-3", "p-2", "30.00", RECORDED_AT.plus(Duration.ofDays(2))));
        on(conflicting("d-3", "d-1", RECORDED_AT));
        on(recorded("d-4", "p-1", "40.00", RECORDED_AT.plus(Duration.ofDays(3))));
        on(approved("d-4"));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aDealReadBackIsTheDealFolded() {
        DealView read = queries.handle(new FindDealQuery("d-3"));

        assertThat(read.status()).isEqualTo(DealStatus.REJECTED);
        assertThat(read.rejection().conflictingDealId()).isEqualTo("d-1");
        assertThat(read.trail()).hasSize(2);
        assertThat(read.version()).isEqualTo(2);
    }

    @Test
    void everyDealNewestRegistrationFirst() {
        DealPage page = queries.handle(new FindDealsQuery(null, null, null, 0, 50, "recordedAt", true));

        assertThat(page.items()).extracting(DealView::id).containsExactly("d-4", "d-3", "d-2", "d-1");
        assertThat(page.total()).isEqualTo(4);
    }

    @Test
    void filtersCombineAndPagesCountEveryMatch() {
        DealPage approved =
                queries.handle(new FindDealsQuery("p-1", DealStatus.APPROVED, null, 1, 1, "recordedAt", false));
        DealPage qualified =
                queries.handle(new FindDealsQuery(null, null, DealStage.QUALIFIED, 0, 50, "recordedAt", false));

        assertThat(approved.items()).extracting(DealView::id).containsExactly("d-4");
        assertThat(approved.total()).isEqualTo(2);
        assertThat(qualified.items()).extracting(DealView::id).containsExactly("d-1");
    }

    @Test
    void aDealEventDeliveredAgainChangesNothing() {
        DealView before = queries.handle(new FindDealQuery("d-1"));

        projection.on(approved("d-1"), new GenericDomainEventMessage<>("Deal", "d-1", 1, approved("d-1")));

        assertThat(queries.handle(new FindDealQuery("d-1"))).isEqualTo(before);
    }

    /** Hands the event to the projection with the next sequence number of its deal's stream. */
    private void on(DealEvent event) {
        long sequence = sequences.merge(event.dealId(), 1L, Long::sum) - 1;
        projection.on(event, new GenericDomainEventMessage<>("Deal", event.dealId(), sequence, event));
    }
}
