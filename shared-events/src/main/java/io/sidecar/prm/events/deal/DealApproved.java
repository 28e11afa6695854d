package io.sidecar.prm.events.deal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The registration was approved: the deal is protected for its partner until {@code protectedUntil}.
 *
 * @param dealId         the deal
 * @param partnerId      its partner
 * @param protectedUntil the end of the protection window, when an open deal expires
 * @param approvedAt     when
 */
@Revision("1")
public record DealApproved(String dealId, String partnerId, Instant protectedUntil, Instant approvedAt)
        implements DealEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return approvedAt;
    }
}
