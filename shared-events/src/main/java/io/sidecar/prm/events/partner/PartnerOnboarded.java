package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A partner was onboarded: it starts in {@link PartnerStatus#ONBOARDING} at tier {@link PartnerTier#REGISTERED}.
 *
 * <p>Revision 2 added {@code language}. Revision-1 events, stored before it existed, are read as revision 2 with
 * language {@value #REVISION_1_LANGUAGE} ({@code PartnerOnboardedUpcaster}); the stored rows stay as they were
 * written.
 *
 * @param partnerId   the new partner's id
 * @param name        the partner's name, as entered
 * @param type        what kind of partner it is
 * @param region      ISO 3166-1 alpha-2 country code, upper case
 * @param contact     the partner's main contact
 * @param website     the partner's website, optional
 * @param language    the language the partner is to be contacted in, a BCP 47 tag ({@code en}, {@code de},
 *                    {@code pt-BR}) in its canonical form; since revision 2
 * @param onboardedAt when the partner was onboarded
 */
@Revision("2")
public record PartnerOnboarded(
        String partnerId,
        String name,
        PartnerType type,
        String region,
        Contact contact,
        String website,
        String language,
        Instant onboardedAt)
        implements PartnerEvent {

    /**
     * The language of the partners onboarded in revision 1, which recorded none: they were contacted in English. A
     * fact about the past, for whatever meets such a partner (the upcaster, a read model written before revision 2).
     */
    public static final String REVISION_1_LANGUAGE = "en";

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return onboardedAt;
    }
}
