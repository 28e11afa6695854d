package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The partner finished onboarding and became {@link PartnerStatus#ACTIVE}.
 *
 * @param partnerId   the partner
 * @param activatedAt when
 */
@Revision("1")
public record PartnerActivated(String partnerId, Instant activatedAt) implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return activatedAt;
    }
}
