package io.sidecar.prm.query.asof;

import io.sidecar.prm.query.partner.PartnerView;
import io.sidecar.prm.query.partner.PartnerViewFold;
import java.time.Instant;
import java.util.List;

/**
 * A partner's history, or the part of it up to an instant: each of its streams, its own first.
 *
 * <p>{@link #fold} folds the streams one after the other, not in the event store's global order, and gets the view
 * the live projection got: the partner's own events change only its profile, lifecycle, goals and check-ins; a
 * deal's events change only the deal figures; and the one thing both touch, each goal's won revenue, both recompute
 * from the won revenue per quarter, so it always matches the figures whichever came last. So every interleaving
 * that keeps each stream in sequence, with the onboarding first, gives the same view ({@code PartnerHistoryTest}
 * folds the same events in the global order and in shuffled ones). Putting the partner's own stream first keeps the
 * onboarding first even where two machines' clocks disagree; an order by {@code occurredAt} would not.
 *
 * @param onboardedAt when the partner was onboarded (its first event)
 * @param streams     the partner's own stream, then the others that hold its events, each in sequence
 */
record PartnerHistory(Instant onboardedAt, List<List<HistoryEvent>> streams) {

    PartnerHistory {
        streams = streams.stream().map(List::copyOf).toList();
    }

    /**
     * The history up to {@code asOf}, inclusive: each stream up to its first event that happened after it. A prefix,
     * not every event up to then, so that a clock that went back never lets a later event in without an earlier one
     * (a state that never existed).
     */
    PartnerHistory upTo(Instant asOf) {
        return new PartnerHistory(
                onboardedAt,
                streams.stream()
                        .map(stream -> stream.stream()
                                .takeWhile(each -> !each.event().occurredAt().isAfter(asOf))
                                .toList())
                        .toList());
    }

    /** The partner as the live projection would have folded these events; {@code null} before its onboarding. */
    PartnerView fold(PartnerViewFold fold) {
        PartnerView view = null;
        for (List<HistoryEvent> stream : streams) {
            for (HistoryEvent each : stream) {
                view = fold.apply(view, each.event(), each.sequence());
            }
        }
        return view;
    }
}
