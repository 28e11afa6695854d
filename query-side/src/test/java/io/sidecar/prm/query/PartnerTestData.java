package io.sidecar.prm.query;

import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerType;
import java.time.Instant;

/** The partner events the read-side tests start from. */
public final class PartnerTestData {

    public static final Instant ONBOARDED_AT = Instant.parse("2026-01-05T10:00:00Z");

    private PartnerTestData() {}

    public static PartnerOnboarded onboarded(String partnerId) {
        return new PartnerOnboarded(
                partnerId,
                "Acme",
                PartnerType.RESELLER,
                "DE",
                new Contact("Ada", "ada@acme.example", null),
                "https://acme.example",
                "de",
                ONBOARDED_AT);
    }
}
