package io.sidecar.prm.command.partner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sidecar.prm.command.support.CommandValidation;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A partner: a reseller, referral partner or other firm that sells with us. Decides the partner commands and
 * keeps only the state those decisions need.
 */
@Aggregate
public class Partner {

    @AggregateIdentifier
    private String partnerId;

    private PartnerStatus status;
    private PartnerTier tier;

    protected Partner() {
        // for Axon: rebuilt from events
    }

    private Partner(OnboardPartnerCommand command) {
        CommandValidation.of(command)
                .require(
                        CommandValidation.isRegion(command.region()),
                        "region",
                        "must be an ISO 3166-1 alpha-2 country code, such as DE or US")
                .orRefuse();
        OnboardPartnerCommand.ContactDetails contact = command.contact();
        apply(new PartnerOnboarded(
                command.partnerId(),
                command.name(),
                command.type(),
                command.region(),
                new Contact(contact.name(), contact.email(), contact.phone()),
                command.website(),
                command.onboardedAt()));
    }

    static Partner onboard(OnboardPartnerCommand command) {
        return new Partner(command);
    }

    PartnerStatus status() {
        return status;
    }

    @EventSourcingHandler
    void on(PartnerOnboarded event) {
        partnerId = event.partnerId();
        status = PartnerStatus.ONBOARDING;
        tier = PartnerTier.REGISTERED;
    }
}
