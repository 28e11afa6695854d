package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The partner's tier changed, by a manager or by the automatic tier policy.
 *
 * @param partnerId the partner
 * @param from      the tier before
 * @param to        the tier after
 * @param reason    why, in words
 * @param automatic whether the tier policy (not a person) changed it
 * @param promotion for an automatic promotion, the rule and figures that made it; {@code null} otherwise
 * @param changedAt when
 */
@Revision("1")
public record PartnerTierChanged(
        String partnerId,
        PartnerTier from,
        PartnerTier to,
        String reason,
        boolean automatic,
        TierPromotion promotion,
        Instant changedAt)
        implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return changedAt;
    }
}
