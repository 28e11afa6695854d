package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An active partner was suspended: it keeps its history but registers no deal until reinstated.
 *
 * @param partnerId   the partner
 * @param reason      why
 * @param suspendedAt when
 */
@Revision("1")
public record PartnerSuspended(String partnerId, String reason, Instant suspendedAt) implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return suspendedAt;
    }
}
