package io.sidecar.prm.command.partner;

import io.sidecar.prm.command.deal.DealRules;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.command.support.CommandValidation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Routes partner commands to the {@link Partner} aggregate and answers with the aggregate's new version, which an
 * annotated handler inside the aggregate could not report. Fields are validated first (400 whatever partner is
 * named), then the partner is loaded (404), then its rules decide (409). Names go through {@link PartnerNames}.
 */
@Component
class PartnerCommandHandler {

    private static final String REGION_MESSAGE = "must be an ISO 3166-1 alpha-2 country code, such as DE or US";
    private static final String LANGUAGE_MESSAGE = "must be a BCP 47 language tag, such as en, de or pt-BR";

    private final Repository<Partner> partners;
    private final PartnerNames names;
    private final DealRules money;
    private final ErasedContactKeys erasedKeys;

    PartnerCommandHandler(
            Repository<Partner> partners, PartnerNames names, DealRules money, ErasedContactKeys erasedKeys) {
        this.partners = partners;
        this.names = names;
        this.money = money;
        this.erasedKeys = erasedKeys;
    }

    @CommandHandler
    CommandResult handle(OnboardPartnerCommand command) throws Exception {
        CommandValidation.of(command)
                .require(CommandValidation.isRegion(command.region()), "region", REGION_MESSAGE)
                .require(CommandValidation.isLanguageTag(command.language()), "language", LANGUAGE_MESSAGE)
                .orRefuse();
        names.claim(command.partnerId(), command.name());
        Aggregate<Partner> partner = partners.newInstance(() -> Partner.onboard(command));
        return CommandResult.of(command.partnerId(), partner);
    }

    @CommandHandler
    CommandResult handle(CompleteOnboardingStepCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.partnerId(), partner -> partner.completeStep(command));
    }

    @CommandHandler
    CommandResult handle(ActivatePartnerCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.partnerId(), partner -> partner.activate(command));
    }

    @CommandHandler
    CommandResult handle(ChangePartnerTierCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.partnerId(), partner -> partner.changeTier(command));
    }

    @CommandHandler
    CommandResult handle(PromotePartnerCommand command) {
        return decide(command.partnerId(), partner -> partner.promote(command));
    }

    @CommandHandler
    CommandResult handle(SetPartnerGoalCommand command) {
        String currency =
                command.revenueTarget() == null ? null : command.revenueTarget().currency();
        CommandValidation.of(command)
                .require(
                        currency == null || currency.equals(money.reportingCurrency()),
                        "revenueTarget.currency",
                        "must be the reporting currency " + money.reportingCurrency())
                .orRefuse();
        return decide(command.partnerId(), partner -> partner.setGoal(command));
    }

    @CommandHandler
    CommandResult handle(RecordCheckInCommand command) {
        LocalDate today =
                command.recordedAt() == null ? null : LocalDate.ofInstant(command.recordedAt(), ZoneOffset.UTC);
        CommandValidation.of(command)
                .require(
                        command.occurredOn() == null
                                || today == null
                                || !command.occurredOn().isAfter(today),
                        "occurredOn",
                        "must not be in the future")
                .orRefuse();
        return decide(command.partnerId(), partner -> partner.recordCheckIn(command));
    }

    @CommandHandler
    CommandResult handle(UpdatePartnerProfileCommand command) {
        CommandValidation.of(command)
                .require(
                        command.region() == null || CommandValidation.isRegion(command.region()),
                        "region",
                        REGION_MESSAGE)
                .orRefuse();
        return decide(command.partnerId(), partner -> {
            partner.refuseIfOffboarded("update the profile of");
            String oldName = partner.name();
            if (command.name() != null && !PartnerNames.key(command.name()).equals(PartnerNames.key(oldName))) {
                names.claim(command.partnerId(), command.name());
                names.releaseAfterCommit(command.partnerId(), oldName);
            }
            partner.updateProfile(command);
        });
    }

    @CommandHandler
    CommandResult handle(SuspendPartnerCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.partnerId(), partner -> partner.suspend(command));
    }

    @CommandHandler
    CommandResult handle(ReinstatePartnerCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.partnerId(), partner -> partner.reinstate(command));
    }

    @CommandHandler
    CommandResult handle(OffboardPartnerCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.partnerId(), partner -> {
            partner.offboard(command);
            names.releaseAfterCommit(command.partnerId(), partner.name());
        });
    }

    /**
     * Records the erasure and, once it is stored, deletes the partner's data keys; a refused erasure deletes
     * nothing. Should the process die in between, {@link ErasedContactKeys} deletes them when it sees the event.
     */
    @CommandHandler
    CommandResult handle(EraseContactDataCommand command) {
        CommandValidation.of(command).orRefuse();
        CommandResult result = decide(command.partnerId(), partner -> partner.eraseContact(command));
        CurrentUnitOfWork.get().afterCommit(committed -> erasedKeys.eraseNow(command.partnerId()));
        return result;
    }

    /** Loads the partner (404 when there is none) and lets it decide. */
    private CommandResult decide(String partnerId, Consumer<Partner> decision) {
        return CommandResult.decide(partners, "partner", partnerId, decision);
    }
}
