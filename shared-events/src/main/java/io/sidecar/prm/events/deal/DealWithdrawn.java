package io.sidecar.prm.events.deal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An open deal was withdrawn, because its partner was offboarded.
 *
 * @param dealId      the deal
 * @param partnerId   its partner
 * @param reason      why
 * @param withdrawnAt when
 */
@Revision("1")
public record DealWithdrawn(String dealId, String partnerId, String reason, Instant withdrawnAt) implements DealEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return withdrawnAt;
    }
}
