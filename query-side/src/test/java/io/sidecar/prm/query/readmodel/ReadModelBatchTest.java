package io.sidecar.prm.query.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.query.partner.PartnerView;
import io.sidecar.prm.query.partner.PartnerViewFold;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The read-model batch against the embedded MongoDB wire server (its H2 backend, in memory): events applied twice
 * change nothing, the documents are written only at commit, and the processor's token only after them.
 */
class ReadModelBatchTest {

    private static final Instant AT = Instant.parse("2026-02-01T10:00:00Z");
    private static final String PROCESSOR = "partner-summary";

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ReadModelStore store;
    private ReadModelTransactionManager transactions;
    private InMemoryTokenStore tokens;
    private DeferredTokenStore deferredTokens;
    private final PartnerViewFold fold = new PartnerViewFold("USD");

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "prm");
        store = new ReadModelStore(mongo, ReadModelDurability.IMMEDIATE, new ReadModelUpdates());
        transactions = new ReadModelTransactionManager(mongo, new ReadModelUpdates(), ReadModelDurability.IMMEDIATE);
        tokens = new InMemoryTokenStore();
        tokens.initializeTokenSegments(PROCESSOR, 1);
        tokens.fetchToken(PROCESSOR, 0);
        deferredTokens = new DeferredTokenStore(tokens, ReadModelDurability.IMMEDIATE);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anEventAppliedTwiceLeavesTheSameDocument() {
        inOneBatch(onboarded(), dealRecorded("d-1", 0), dealApproved("d-1", 1));
        PartnerView once = mongo.findById("p-1", PartnerView.class);

        inOneBatch(onboarded(), dealRecorded("d-1", 0), dealApproved("d-1", 1));
        inOneBatch(dealRecorded("d-1", 0));
        inOneBatch(dealApproved("d-1", 1));

        assertThat(mongo.findById("p-1", PartnerView.class)).isEqualTo(once);
        assertThat(once.openDeals()).isEqualTo(1);
        assertThat(once.pipeline()).isEqualTo(new Money(new BigDecimal("100.00"), "USD"));
        assertThat(once.openDealsById()).containsOnlyKeys("d-1");
    }

    @Test
    void aWinReplayedAfterACrashIsCountedOnce() {
        inOneBatch(onboarded(), dealRecorded("d-1", 0), dealApproved("d-1", 1), dealWon("d-1", 2));
        PartnerView once = mongo.findById("p-1", PartnerView.class);

        inOneBatch(dealApproved("d-1", 1), dealWon("d-1", 2));

        assertThat(mongo.findById("p-1", PartnerView.class)).isEqualTo(once);
        assertThat(once.wonRevenue()).isEqualTo(new Money(new BigDecimal("100.00"), "USD"));
        assertThat(once.dealsWon()).isEqualTo(1);
        assertThat(once.wonRevenueByQuarter()).containsOnlyKeys("2026-Q1");
        assertThat(once.pipeline()).isEqualTo(Money.zero("USD"));
    }

    @Test
    void documentsAreWrittenAtCommitAndTheTokenOnlyAfterThem() {
        Transaction transaction = transactions.startTransaction();
        apply(onboarded());
        deferredTokens.storeToken(new GlobalSequenceTrackingToken(7), PROCESSOR, 0);

        assertThat(mongo.findById("p-1", PartnerView.class)).isNull();
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isNull();

        transaction.commit();

        assertThat(mongo.findById("p-1", PartnerView.class)).isNotNull();
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }

    @Test
    void aRolledBackBatchWritesNothingAndStoresNoToken() {
        Transaction transaction = transactions.startTransaction();
        apply(onboarded());
        deferredTokens.storeToken(new GlobalSequenceTrackingToken(7), PROCESSOR, 0);

        transaction.rollback();

        assertThat(mongo.findById("p-1", PartnerView.class)).isNull();
        assertThat(tokens.fetchToken(PROCESSOR, 0)).isNull();
    }

    private void inOneBatch(DomainEventMessage<?>... events) {
        Transaction transaction = transactions.startTransaction();
        for (DomainEventMessage<?> event : events) {
            apply(event);
        }
        transaction.commit();
    }

    private void apply(DomainEventMessage<?> event) {
        store.update(
                PartnerView.class,
                "p-1",
                event,
                view -> fold.apply(view, event.getPayload(), event.getSequenceNumber()));
    }

    private static DomainEventMessage<?> onboarded() {
        return new GenericDomainEventMessage<>(
                "Partner",
                "p-1",
                0,
                new PartnerOnboarded(
                        "p-1",
                        "Acme",
                        PartnerType.RESELLER,
                        "DE",
                        new Contact("Ada", "ada@acme.example", null),
                        null,
                        "de",
                        AT));
    }

    private static DomainEventMessage<?> dealApproved(String dealId, long sequence) {
        return new GenericDomainEventMessage<>(
                "Deal", dealId, sequence, new DealApproved(dealId, "p-1", AT.plusSeconds(90 * 86_400), AT));
    }

    private static DomainEventMessage<?> dealWon(String dealId, long sequence) {
        return new GenericDomainEventMessage<>(
                "Deal",
                dealId,
                sequence,
                new DealWon(
                        dealId, "p-1", new Money(new BigDecimal("100.00"), "USD"), LocalDate.parse("2026-03-02"), AT));
    }

    private static DomainEventMessage<?> dealRecorded(String dealId, long sequence) {
        return new GenericDomainEventMessage<>(
                "Deal",
                dealId,
                sequence,
                new DealRecorded(
                        dealId,
                        "p-1",
                        new Customer("Globex", "globex.example"),
                        "Sidecar",
                        new Money(new BigDecimal("100.00"), "USD"),
                        LocalDate.parse("2026-06-30"),
                        null,
                        AT));
    }
}
