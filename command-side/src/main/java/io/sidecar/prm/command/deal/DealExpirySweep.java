package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.support.PolicyCommands;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires approved deals whose protection is over (ADR 006): every {@code prm.deals.expiry-sweep-interval} it
 * reads the due deals from {@link DealProtections} and sends each an expire command, which the deal decides
 * (still approved and due) and which puts the lookup right either way. Survives restarts: the table is durable
 * and the first sweep after a start catches up.
 */
@Component
class DealExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(DealExpirySweep.class);
    private static final int BATCH = 200;

    private final DealProtections protections;
    private final CommandGateway commands;
    private final Clock clock;

    DealExpirySweep(DealProtections protections, CommandGateway commands, Clock clock) {
        this.protections = protections;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${prm.deals.expiry-sweep-interval:10s}")
    void sweep() {
        for (String dealId : protections.due(BATCH)) {
            try {
                commands.sendAndWait(PolicyCommands.scheduled(
                        "system:deal-expiry", new DealCommands.ExpireDealCommand(dealId, clock.instant())));
            } catch (RuntimeException failed) {
                // one deal that cannot be expired must not hold up the others behind it
                log.warn("Could not expire deal {}; the next sweep tries again", dealId, failed);
            }
        }
    }
}
