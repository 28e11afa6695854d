package io.sidecar.prm.command.partner;

import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerType;
import java.time.Instant;

/**
 * One valid partner, as a command and as the event it records, plus a builder for the variants the tests need.
 */
final class PartnerTestData {

    static final String PARTNER_ID = "partner-acme";
    static final Instant ONBOARDED_AT = Instant.parse("2025-03-10T09:15:00Z");
    static final String NAME = "Acme Resellers GmbH";
    static final PartnerType TYPE = PartnerType.RESELLER;
    static final String REGION = "DE";
    static final String CONTACT_NAME = "Jane Doe";
    static final String CONTACT_EMAIL = "jane.doe@acme.example";
    static final String CONTACT_PHONE = "+49 (30) 1234-567";
    static final String WEBSITE = "https://acme.example";
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_WEBSITE_LENGTH = 2048;

    private PartnerTestData() {}

    /** A builder that starts from the valid command. */
    static OnboardPartner onboardPartner() {
        return new OnboardPartner();
    }

    /** The event the valid command records. */
    static PartnerOnboarded partnerOnboarded() {
        return new PartnerOnboarded(
                PARTNER_ID,
                NAME,
                TYPE,
                REGION,
                new Contact(CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE),
                WEBSITE,
                ONBOARDED_AT);
    }

    /** Text of the given length, for length limits. */
    static String text(int length) {
        return "a".repeat(length);
    }

    /** Builds {@link OnboardPartnerCommand}s: the valid one, or one with a few fields changed. */
    static final class OnboardPartner {

        private String name = NAME;
        private PartnerType type = TYPE;
        private String region = REGION;
        private boolean withContact = true;
        private String contactName = CONTACT_NAME;
        private String contactEmail = CONTACT_EMAIL;
        private String contactPhone = CONTACT_PHONE;
        private String website = WEBSITE;

        OnboardPartner name(String value) {
            name = value;
            return this;
        }

        OnboardPartner type(PartnerType value) {
            type = value;
            return this;
        }

        OnboardPartner region(String value) {
            region = value;
            return this;
        }

        OnboardPartner withoutContact() {
            withContact = false;
            return this;
        }

        OnboardPartner contactName(String value) {
            contactName = value;
            return this;
        }

        OnboardPartner contactEmail(String value) {
            contactEmail = value;
            return this;
        }

        OnboardPartner contactPhone(String value) {
            contactPhone = value;
            return this;
        }

        OnboardPartner website(String value) {
            website = value;
            return this;
        }

        OnboardPartnerCommand build() {
            OnboardPartnerCommand.ContactDetails contact = withContact
                    ? new OnboardPartnerCommand.ContactDetails(contactName, contactEmail, contactPhone)
                    : null;
            return new OnboardPartnerCommand(PARTNER_ID, name, type, region, contact, website, ONBOARDED_AT);
        }
    }
}
