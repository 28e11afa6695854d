package io.sidecar.prm.events.deal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An approved deal was neither won nor lost by the end of its protection window.
 *
 * @param dealId         the deal
 * @param partnerId      its partner
 * @param protectedUntil the window that ran out
 * @param expiredAt      when the expiry was recorded
 */
@Revision("1")
public record DealRegistrationExpired(String dealId, String partnerId, Instant protectedUntil, Instant expiredAt)
        implements DealEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return expiredAt;
    }
}
