package io.sidecar.prm.command.partner;

import io.sidecar.prm.command.deal.PartnerStatuses;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Answers a partner's status by loading the {@link Partner} from its event stream, inside the caller's unit of
 * work: always current, never an eventually consistent copy.
 */
@Component
class EventSourcedPartnerStatuses implements PartnerStatuses {

    private final Repository<Partner> partners;

    EventSourcedPartnerStatuses(Repository<Partner> partners) {
        this.partners = partners;
    }

    @Override
    public Optional<PartnerStatus> statusOf(String partnerId) {
        try {
            return Optional.ofNullable(partners.load(partnerId).invoke(Partner::status));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
