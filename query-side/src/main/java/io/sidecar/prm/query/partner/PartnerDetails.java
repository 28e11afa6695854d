package io.sidecar.prm.query.partner;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * A partner as {@code GET /api/partners/{id}} answers it: the read model's document with the figures that depend
 * on the day (health and at-risk), computed when asked. Written to JSON only.
 *
 * @param partner          the read model's document, its fields inlined
 * @param healthScore      0–100, see {@link PartnerHealth}
 * @param atRisk           see {@link PartnerHealth}
 * @param daysSinceCheckIn days since the last check-in, {@code null} with none ever
 */
public record PartnerDetails(
        @JsonUnwrapped @Schema(implementation = PartnerView.class)
        PartnerView partner,

        int healthScore,
        boolean atRisk,
        Integer daysSinceCheckIn) {

    /** The partner with its health on {@code today}. */
    public static PartnerDetails of(PartnerView partner, LocalDate today) {
        PartnerHealth health = PartnerHealth.of(partner, today);
        return new PartnerDetails(partner, health.healthScore(), health.atRisk(), health.daysSinceCheckIn());
    }
}
