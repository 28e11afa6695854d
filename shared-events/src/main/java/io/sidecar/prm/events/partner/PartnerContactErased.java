package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The partner's contact data was erased (GDPR): its data key is gone, so the contact's name, email and phone read
 * {@code [erased]} in every event that carried them, in every read model and in every rebuild. The rest of the
 * history stays as it was, and verifiable.
 *
 * @param partnerId the partner
 * @param erasedAt  when
 */
@Revision("1")
public record PartnerContactErased(String partnerId, Instant erasedAt) implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return erasedAt;
    }
}
