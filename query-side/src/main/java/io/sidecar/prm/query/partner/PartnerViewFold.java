package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import java.util.HashMap;
import java.util.Map;

/**
 * The pure fold from a partner's events (its own and its deals') to its {@link PartnerView}: no I/O, so the same
 * function serves the live projection and any rebuild.
 */
public final class PartnerViewFold {

    private final String reportingCurrency;

    public PartnerViewFold(String reportingCurrency) {
        this.reportingCurrency = reportingCurrency;
    }

    /**
     * Applies one event.
     *
     * @param view     the view so far, or {@code null} before the partner was onboarded
     * @param event    the event's payload
     * @param sequence the event's sequence number in its aggregate's stream
     * @return the new view; the same view for an event it does not know
     */
    public PartnerView apply(PartnerView view, Object event, long sequence) {
        if (event instanceof PartnerOnboarded onboarded) {
            return onboarded(onboarded, sequence);
        }
        if (view == null) {
            return null;
        }
        if (event instanceof DealRecorded recorded) {
            return dealRecorded(view, recorded, sequence);
        }
        return view;
    }

    private PartnerView onboarded(PartnerOnboarded event, long sequence) {
        Money zero = Money.zero(reportingCurrency);
        return new PartnerView(
                event.partnerId(),
                event.name(),
                event.type(),
                event.region(),
                event.contact(),
                event.website(),
                PartnerStatus.ONBOARDING,
                PartnerTier.REGISTERED,
                zero,
                zero,
                0,
                event.onboardedAt(),
                sequence + 1,
                Map.of());
    }

    private static PartnerView dealRecorded(PartnerView view, DealRecorded event, long sequence) {
        return new PartnerView(
                view.id(),
                view.name(),
                view.type(),
                view.region(),
                view.contact(),
                view.website(),
                view.status(),
                view.tier(),
                view.pipeline().plus(event.amount()),
                view.wonRevenue(),
                view.openDeals() + 1,
                view.onboardedAt(),
                view.version(),
                withVersion(view.dealVersions(), event.dealId(), sequence + 1));
    }

    private static Map<String, Long> withVersion(Map<String, Long> versions, String aggregateId, long version) {
        Map<String, Long> updated = new HashMap<>(versions);
        updated.put(aggregateId, version);
        return updated;
    }
}
