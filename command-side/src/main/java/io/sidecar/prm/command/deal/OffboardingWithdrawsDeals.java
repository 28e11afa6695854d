package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.lookup.Claim;
import io.sidecar.prm.command.lookup.Claims;
import io.sidecar.prm.command.support.PolicyCommands;
import io.sidecar.prm.events.partner.PartnerOffboarded;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Policy: an offboarded partner's open deals are withdrawn (DOMAIN.md). Each withdrawal names the offboarding as
 * its cause. Withdrawing a deal that is already closed changes nothing, so a replay is harmless.
 */
@Component
@ProcessingGroup(OffboardingWithdrawsDeals.NAME)
class OffboardingWithdrawsDeals {

    static final String NAME = "deal-withdrawal";

    private final Claims claims;
    private final CommandGateway commands;

    OffboardingWithdrawsDeals(Claims claims, CommandGateway commands) {
        this.claims = claims;
        this.commands = commands;
    }

    @EventHandler
    void on(PartnerOffboarded event, EventMessage<?> message) {
        for (Claim open : claims.findByPrefix(DealCommandHandler.OPEN_DEALS, event.partnerId() + "/")) {
            commands.sendAndWait(PolicyCommands.causedBy(
                    message,
                    new DealCommands.WithdrawDealCommand(
                            open.owner(),
                            event.partnerId(),
                            "partner offboarded: " + event.reason(),
                            event.offboardedAt())));
        }
    }
}
