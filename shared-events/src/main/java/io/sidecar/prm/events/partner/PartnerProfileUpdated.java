package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The partner's profile changed; only the changed fields are given, the others are {@code null}.
 *
 * @param partnerId the partner
 * @param name      the new name, or {@code null} when unchanged
 * @param website   the new website, or {@code null} when unchanged
 * @param region    the new region, or {@code null} when unchanged
 * @param contact   the new contact, or {@code null} when unchanged
 * @param updatedAt when
 */
@Revision("1")
public record PartnerProfileUpdated(
        String partnerId, String name, String website, String region, Contact contact, Instant updatedAt)
        implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return updatedAt;
    }
}
