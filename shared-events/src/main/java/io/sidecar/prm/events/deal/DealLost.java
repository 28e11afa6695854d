package io.sidecar.prm.events.deal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The deal was lost.
 *
 * @param dealId    the deal
 * @param partnerId its partner
 * @param reason    why
 * @param lostAt    when
 */
@Revision("1")
public record DealLost(String dealId, String partnerId, String reason, Instant lostAt) implements DealEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return lostAt;
    }
}
