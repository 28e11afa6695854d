package io.sidecar.prm.query.deal;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DealView} being changed by one event in {@link DealViewFold}: a copy with a few fields set, which on
 * {@link #build} writes the event into the trail with the status and stage it left behind.
 */
final class DealViewDraft {

    private final DealView view;
    private DealStatus status;
    private DealStage stage;
    private Instant protectedUntil;
    private Money wonAmount;
    private LocalDate closedOn;
    private String statusReason;
    private DealView.Rejection rejection;

    private DealViewDraft(DealView view) {
        this.view = view;
        status = view.status();
        stage = view.stage();
        protectedUntil = view.protectedUntil();
        wonAmount = view.wonAmount();
        closedOn = view.closedOn();
        statusReason = view.statusReason();
        rejection = view.rejection();
    }

    static DealViewDraft of(DealView view) {
        return new DealViewDraft(view);
    }

    DealViewDraft status(DealStatus value, String reason) {
        status = value;
        statusReason = reason;
        return this;
    }

    DealViewDraft stage(DealStage value) {
        stage = value;
        return this;
    }

    DealViewDraft protectedUntil(Instant value) {
        protectedUntil = value;
        return this;
    }

    DealViewDraft won(Money amount, LocalDate day) {
        wonAmount = amount;
        closedOn = day;
        return this;
    }

    DealViewDraft rejection(DealView.Rejection value) {
        rejection = value;
        return this;
    }

    /**
     * The changed view, its trail one entry longer.
     *
     * @param event    the event, for its name
     * @param at       the event's own time
     * @param detail   a short explanation for the trail
     * @param sequence the event's sequence number in the deal's stream
     */
    DealView build(Object event, Instant at, String detail, long sequence) {
        List<DealView.TrailEntry> trail = new ArrayList<>(view.trail());
        trail.add(new DealView.TrailEntry(event.getClass().getSimpleName(), status, stage, at, detail));
        return new DealView(
                view.id(),
                view.partnerId(),
                view.customer(),
                view.product(),
                view.amount(),
                view.expectedCloseDate(),
                view.fundRequestId(),
                status,
                stage,
                protectedUntil,
                wonAmount,
                closedOn,
                statusReason,
                rejection,
                trail,
                view.recordedAt(),
                sequence + 1);
    }
}
