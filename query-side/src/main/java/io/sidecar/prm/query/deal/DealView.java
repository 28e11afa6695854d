package io.sidecar.prm.query.deal;

import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.deal.RejectionKind;
import io.sidecar.prm.query.readmodel.ReadModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A deal registration as the API shows it, with its full status trail. One document per deal in the {@code deals}
 * collection.
 *
 * @param id                the deal's id
 * @param partnerId         the registering partner
 * @param customer          the end customer
 * @param product           the product
 * @param amount            the expected value, as registered
 * @param expectedCloseDate when the partner expects to close
 * @param fundRequestId     the sourcing MDF request, or {@code null}
 * @param status            the registration's status
 * @param stage             the sales stage, {@code null} until the first stage is reached; kept once the deal closes
 * @param protectedUntil    the end of the protection window once approved (kept after it closes), else {@code null}
 * @param wonAmount         the amount won, or {@code null} unless won
 * @param closedOn          the day a won deal closed, or {@code null}
 * @param statusReason      why it was rejected, lost, withdrawn or expired, else {@code null}
 * @param rejection         the rejection and, for a channel conflict, its evidence; {@code null} unless rejected
 * @param trail             every event of the deal, oldest first, with the status and stage after it
 * @param recordedAt        when it was recorded
 * @param version           the number of events in the deal's stream
 */
@Document("deals")
public record DealView(
        @Id String id,
        @Indexed String partnerId,
        Customer customer,
        String product,
        Money amount,
        LocalDate expectedCloseDate,
        String fundRequestId,
        @Indexed DealStatus status,
        DealStage stage,
        Instant protectedUntil,
        Money wonAmount,
        LocalDate closedOn,
        String statusReason,
        Rejection rejection,
        List<TrailEntry> trail,
        @Indexed Instant recordedAt,
        long version)
        implements ReadModel {

    public DealView {
        trail = trail == null ? List.of() : List.copyOf(trail);
    }

    @Override
    public long appliedVersion(String aggregateId) {
        return id.equals(aggregateId) ? version : 0;
    }

    /**
     * Why a registration was rejected.
     *
     * @param kind                  a manager's decision or a channel conflict
     * @param reason                the reason in words
     * @param conflictingDealId     for a channel conflict, the other partner's open registration, else {@code null}
     * @param conflictingRecordedAt for a channel conflict, when that registration was recorded, else {@code null}
     */
    public record Rejection(
            RejectionKind kind, String reason, String conflictingDealId, Instant conflictingRecordedAt) {}

    /**
     * One step of the deal's history.
     *
     * @param event  the event's name, as the history lists it ({@code DealApproved})
     * @param status the status after the event
     * @param stage  the stage after the event, or {@code null}
     * @param at     when it happened (the event's own time)
     * @param detail a short explanation: a reason, a new protection end, an amount
     */
    public record TrailEntry(String event, DealStatus status, DealStage stage, Instant at, String detail) {}
}
