package io.sidecar.prm.events.deal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An approved deal's protection window was extended.
 *
 * @param dealId         the deal
 * @param partnerId      its partner
 * @param days           by how many days
 * @param protectedUntil the new end of the window
 * @param extendedAt     when
 */
@Revision("1")
public record DealProtectionExtended(
        String dealId, String partnerId, int days, Instant protectedUntil, Instant extendedAt) implements DealEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return extendedAt;
    }
}
