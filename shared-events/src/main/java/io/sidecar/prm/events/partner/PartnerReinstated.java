package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A suspended partner is active again.
 *
 * @param partnerId    the partner
 * @param reinstatedAt when
 */
@Revision("1")
public record PartnerReinstated(String partnerId, Instant reinstatedAt) implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return reinstatedAt;
    }
}
