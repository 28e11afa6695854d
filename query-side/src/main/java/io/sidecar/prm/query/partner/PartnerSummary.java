package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A partner as lists show it (API.md, "Queries"): who it is and its figures, health as of the day asked.
 *
 * @param id            the partner's id
 * @param name          its name
 * @param type          the kind of partner
 * @param region        ISO 3166-1 alpha-2 country code
 * @param status        lifecycle status
 * @param tier          current tier
 * @param pipeline      sum of the amounts of its approved open deals
 * @param wonRevenue    sum of its won deals
 * @param winRate       won ÷ (won + lost), {@code null} while none closed
 * @param healthScore   0–100, see {@link PartnerHealth}
 * @param atRisk        see {@link PartnerHealth}
 * @param lastCheckInOn the day of the latest check-in, or {@code null}
 * @param version       the number of events in the partner's own stream
 */
public record PartnerSummary(
        String id,
        String name,
        PartnerType type,
        String region,
        PartnerStatus status,
        PartnerTier tier,
        Money pipeline,
        Money wonRevenue,
        BigDecimal winRate,
        int healthScore,
        boolean atRisk,
        LocalDate lastCheckInOn,
        long version) {

    /** The summary of a partner with its health on {@code today}. */
    public static PartnerSummary of(PartnerView partner, LocalDate today) {
        PartnerHealth health = PartnerHealth.of(partner, today);
        return new PartnerSummary(
                partner.id(),
                partner.name(),
                partner.type(),
                partner.region(),
                partner.status(),
                partner.tier(),
                partner.pipeline(),
                partner.wonRevenue(),
                partner.winRate(),
                health.healthScore(),
                health.atRisk(),
                partner.lastCheckInOn(),
                partner.version());
    }
}
