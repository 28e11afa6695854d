package io.sidecar.prm.command.partner;

import io.sidecar.prm.command.support.CommandResult;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Routes partner commands to the {@link Partner} aggregate and answers with the aggregate's new version, which an
 * annotated handler inside the aggregate could not report.
 */
@Component
class PartnerCommandHandler {

    private final Repository<Partner> partners;

    PartnerCommandHandler(Repository<Partner> partners) {
        this.partners = partners;
    }

    @CommandHandler
    CommandResult handle(OnboardPartnerCommand command) throws Exception {
        Aggregate<Partner> partner = partners.newInstance(() -> Partner.onboard(command));
        return CommandResult.of(command.partnerId(), partner);
    }
}
