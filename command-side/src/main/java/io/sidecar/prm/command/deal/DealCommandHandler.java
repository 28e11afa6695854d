package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.partner.PartnerStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Routes deal commands to the {@link Deal} aggregate, checking first what only the partner's stream can tell.
 */
@Component
class DealCommandHandler {

    private final Repository<Deal> deals;
    private final PartnerStatuses partners;
    private final DealRules rules;

    DealCommandHandler(Repository<Deal> deals, PartnerStatuses partners, DealRules rules) {
        this.deals = deals;
        this.partners = partners;
        this.rules = rules;
    }

    @CommandHandler
    CommandResult handle(RecordDealCommand command) throws Exception {
        // fields first, so that a malformed command answers 400 whatever partner it names
        Deal.validate(command, rules);
        PartnerStatus status = partners.statusOf(command.partnerId())
                .orElseThrow(() -> CommandRefusedException.notFound(
                        "partner.unknown", "no partner with id " + command.partnerId() + " exists"));
        if (status != PartnerStatus.ACTIVE) {
            throw CommandRefusedException.rule(
                    "deal.partner.not-active",
                    "deals are registered only for an ACTIVE partner; partner " + command.partnerId() + " is "
                            + status);
        }
        Aggregate<Deal> deal = deals.newInstance(() -> Deal.record(command));
        return CommandResult.of(command.dealId(), deal);
    }
}
