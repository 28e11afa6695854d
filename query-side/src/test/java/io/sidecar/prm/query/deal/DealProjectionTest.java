package io.sidecar.prm.query.deal;

import static io.sidecar.prm.query.DealTestData.RECORDED_AT;
import static io.sidecar.prm.query.DealTestData.approved;
import static io.sidecar.prm.query.DealTestData.conflicting;
import static io.sidecar.prm.query.DealTestData.expired;
import static io.sidecar.prm.query.DealTestData.extended;
import static io.sidecar.prm.query.DealTestData.lost;
import static io.sidecar.prm.query.DealTestData.recorded;
import static io.sidecar.prm.query.DealTestData.rejected;
import static io.sidecar.prm.query.DealTestData.staged;
import static io.sidecar.prm.query.DealTestData.withdrawn;
import static io.sidecar.prm.query.DealTestData.won;
import static io.sidecar.prm.query.EventStreams.messages;
import static io.sidecar.prm.query.EventStreams.nameOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.deal.DealEvent;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.query.readmodel.EmbeddedReadModels;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The deals projection is idempotent (ADR 003): an event delivered again, within its batch or in a later one (a
 * batch redone after a crash), leaves the deal's document as it was, for every event type it folds.
 */
class DealProjectionTest {

    /** Six deals, one per way a registration ends, between them every event type the projection folds. */
    private static final List<DomainEventMessage<?>> HISTORY = messages(
            recorded("d-1", "100.00"),
            approved("d-1"),
            staged("d-1", null, DealStage.QUALIFIED),
            extended("d-1", 30),
            staged("d-1", DealStage.QUALIFIED, DealStage.PROPOSAL),
            won("d-1", "120.00", LocalDate.parse("2026-02-10")),
            recorded("d-2", "50.00"),
            approved("d-2"),
            lost("d-2", "Budget cut"),
            recorded("d-3", "70.00"),
            rejected("d-3", "Not qualified"),
            recorded("d-4", "80.00"),
            conflicting("d-4", "d-0", RECORDED_AT.minusSeconds(60)),
            recorded("d-5", "90.00"),
            approved("d-5"),
            expired("d-5"),
            recorded("d-6", "60.00"),
            withdrawn("d-6"));

    private final EmbeddedReadModels models = new EmbeddedReadModels();
    private final DealProjection projection = new DealProjection(models.store());

    @AfterEach
    void stop() {
        models.close();
    }

    @Test
    void everyEventDeliveredAgainLeavesTheSameDocument() {
        Map<String, DealView> once = new HashMap<>();
        for (DomainEventMessage<?> message : HISTORY) {
            String dealId = message.getAggregateIdentifier();
            once.put(dealId, DealViewFold.apply(once.get(dealId), message.getPayload(), message.getSequenceNumber()));

            models.inOneBatch(() -> {
                deliver(message);
                deliver(message);
            });
            models.inOneBatch(() -> deliver(message));

            assertThat(document(dealId))
                    .as("after %s, delivered twice in a batch and again in the next", nameOf(message))
                    .usingRecursiveComparison()
                    .isEqualTo(once.get(dealId));
        }
        assertThat(once.values())
                .extracting(DealView::status)
                .containsExactlyInAnyOrder(
                        DealStatus.WON,
                        DealStatus.LOST,
                        DealStatus.REJECTED,
                        DealStatus.REJECTED,
                        DealStatus.EXPIRED,
                        DealStatus.WITHDRAWN);
        assertThat(document("d-1").trail()).hasSize(6);
    }

    @Test
    void aBatchDeliveredAgainAfterACrashLeavesTheSameDocuments() {
        List<DomainEventMessage<?>> first = HISTORY.subList(0, 3);
        List<DomainEventMessage<?>> second = HISTORY.subList(3, HISTORY.size());
        models.inOneBatch(() -> first.forEach(this::deliver));
        models.inOneBatch(() -> second.forEach(this::deliver));
        List<DealView> once = models.mongo().findAll(DealView.class);

        // stopped before storing the second batch's token: the processor delivers that batch again
        models.inOneBatch(() -> second.forEach(this::deliver));

        assertThat(models.mongo().findAll(DealView.class))
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(once);
        assertThat(once).hasSize(6).allSatisfy(deal -> assertThat(deal.trail()).hasSize((int) deal.version()));
    }

    private void deliver(DomainEventMessage<?> message) {
        projection.on((DealEvent) message.getPayload(), message);
    }

    private DealView document(String dealId) {
        return models.mongo().findById(dealId, DealView.class);
    }
}
