package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The partnership ended (terminal): the name is free again and the partner's open deals are withdrawn.
 *
 * @param partnerId    the partner
 * @param reason       why
 * @param offboardedAt when
 */
@Revision("1")
public record PartnerOffboarded(String partnerId, String reason, Instant offboardedAt) implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return offboardedAt;
    }
}
