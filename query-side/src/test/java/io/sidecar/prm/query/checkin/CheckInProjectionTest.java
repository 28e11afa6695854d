package io.sidecar.prm.query.checkin;

import static io.sidecar.prm.query.EventStreams.nameOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.Sentiment;
import io.sidecar.prm.query.readmodel.EmbeddedReadModels;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The check-ins projection is idempotent (ADR 003): a check-in delivered again, within its batch or in a later one
 * (a batch redone after a crash), leaves its document as it was. (Its fold writes the whole document from the event
 * alone, so this holds even where the store would not skip the event.)
 */
class CheckInProjectionTest {

    private static final Instant AT = Instant.parse("2026-02-01T10:15:30.123Z");
    private static final LocalDate DAY = LocalDate.parse("2026-01-30");

    /** Three check-ins of one partner, among its other events (not this projection's), at their sequence numbers. */
    private static final List<DomainEventMessage<?>> HISTORY = List.of(
            message(5, checkIn("p-1", "c-1", DAY, AT)),
            message(6, checkIn("p-1", "c-2", DAY, AT.plusSeconds(60))),
            message(9, checkIn("p-1", "c-3", DAY.plusDays(1), AT.plusSeconds(86_400))));

    private final EmbeddedReadModels models = new EmbeddedReadModels();
    private final CheckInProjection projection = new CheckInProjection(models.store());

    @AfterEach
    void stop() {
        models.close();
    }

    @Test
    void everyCheckInDeliveredAgainLeavesTheSameDocument() {
        for (DomainEventMessage<?> message : HISTORY) {
            CheckInRecorded event = (CheckInRecorded) message.getPayload();

            models.inOneBatch(() -> {
                deliver(message);
                deliver(message);
            });
            models.inOneBatch(() -> deliver(message));

            assertThat(models.mongo().findById(event.checkInId(), CheckInView.class))
                    .as("after %s, delivered twice in a batch and again in the next", nameOf(message))
                    .isEqualTo(CheckInView.of(event, message.getSequenceNumber()));
        }
        assertThat(models.mongo().findAll(CheckInView.class)).hasSize(3);
    }

    @Test
    void aBatchDeliveredAgainAfterACrashLeavesTheSameDocuments() {
        List<DomainEventMessage<?>> first = HISTORY.subList(0, 1);
        List<DomainEventMessage<?>> second = HISTORY.subList(1, HISTORY.size());
        models.inOneBatch(() -> first.forEach(this::deliver));
        models.inOneBatch(() -> second.forEach(this::deliver));
        List<CheckInView> once = models.mongo().findAll(CheckInView.class);

        // stopped before storing the second batch's token: the processor delivers that batch again
        models.inOneBatch(() -> second.forEach(this::deliver));

        assertThat(models.mongo().findAll(CheckInView.class)).containsExactlyInAnyOrderElementsOf(once);
        assertThat(once).extracting(CheckInView::version).containsExactlyInAnyOrder(6L, 7L, 10L);
    }

    private void deliver(DomainEventMessage<?> message) {
        projection.on((CheckInRecorded) message.getPayload(), message);
    }

    private static DomainEventMessage<?> message(long sequence, CheckInRecorded event) {
        return new GenericDomainEventMessage<>("Partner", event.partnerId(), sequence, event);
    }

    private static CheckInRecorded checkIn(String partnerId, String checkInId, LocalDate day, Instant at) {
        return new CheckInRecorded(
                partnerId,
                checkInId,
                day,
                List.of("Ada Lovelace", "Sam Channel"),
                "Summary of " + checkInId,
                Sentiment.NEGATIVE,
                List.of("Send the deck", "Book a workshop"),
                at);
    }
}
