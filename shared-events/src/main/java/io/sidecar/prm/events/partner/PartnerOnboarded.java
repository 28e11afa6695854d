package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A partner was onboarded: it starts in {@link PartnerStatus#ONBOARDING} at tier {@link PartnerTier#REGISTERED}.
 *
 * @param partnerId   the new partner's id
 * @param name        the partner's name, as entered
 * @param type        what kind of partner it is
 * @param region      ISO 3166-1 alpha-2 country code, upper case
 * @param contact     the partner's main contact
 * @param website     the partner's website, optional
 * @param onboardedAt when the partner was onboarded
 */
@Revision("1")
public record PartnerOnboarded(
        String partnerId,
        String name,
        PartnerType type,
        String region,
        Contact contact,
        String website,
        Instant onboardedAt)
        implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return onboardedAt;
    }
}
