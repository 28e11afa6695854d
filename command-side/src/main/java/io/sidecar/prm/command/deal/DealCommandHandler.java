package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.lookup.Claim;
import io.sidecar.prm.command.lookup.Claims;
import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.command.support.CommandValidation;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Routes deal commands to the {@link Deal} aggregate, checking first what only other streams and the command
 * side's lookups can tell: the partner's status, the open-registration limit, and channel conflicts (a customer
 * and product held by another partner's open registration, ADR 004). Keeps the lookups in step after commit.
 */
@Component
class DealCommandHandler {

    /** Open registrations by customer and product; owner: the deal. */
    static final String REGISTRATIONS = "registration";
    /** Open registrations by partner ({@code partnerId/dealId}); owner: the deal. */
    static final String OPEN_DEALS = "open-deal";

    private final Repository<Deal> deals;
    private final PartnerStatuses partners;
    private final DealRules rules;
    private final Claims claims;
    private final DealProtections protections;

    DealCommandHandler(
            Repository<Deal> deals,
            PartnerStatuses partners,
            DealRules rules,
            Claims claims,
            DealProtections protections) {
        this.deals = deals;
        this.partners = partners;
        this.rules = rules;
        this.claims = claims;
        this.protections = protections;
    }

    @CommandHandler
    RecordedDeal handle(RecordDealCommand command) throws Exception {
        // fields first, so that a malformed command answers 400 whatever partner it names
        Deal.validate(command, rules);
        PartnerStatus status =
                partners.statusOf(command.partnerId()).orElseThrow(() -> unknownPartner(command.partnerId()));
        if (status != PartnerStatus.ACTIVE) {
            throw CommandRefusedException.rule(
                    "deal.partner.not-active",
                    "deals are registered only for an ACTIVE partner; partner " + command.partnerId() + " is "
                            + status);
        }
        String key = Deal.registrationKey(command.customer().domain(), command.product());
        Optional<Claim> holder = claims.claim(REGISTRATIONS, key, command.dealId(), h -> holdsOpen(h.owner(), key));
        if (holder.isPresent()) {
            return conflicting(command, holder.get());
        }
        confirmOrRelease(REGISTRATIONS, key, command.dealId());
        int open = openRegistrations(command.partnerId());
        if (open >= rules.openLimit()) {
            throw CommandRefusedException.rule(
                    "deal.open-limit",
                    "partner " + command.partnerId() + " already holds " + open + " open registrations, the limit");
        }
        String openKey = command.partnerId() + "/" + command.dealId();
        claims.claim(OPEN_DEALS, openKey, command.dealId(), h -> false);
        confirmOrRelease(OPEN_DEALS, openKey, command.dealId());
        Aggregate<Deal> deal = deals.newInstance(() -> Deal.record(command));
        return new RecordedDeal(CommandResult.of(command.dealId(), deal), DealStatus.PENDING_APPROVAL, null);
    }

    /** The refusal of a deal for a partner that does not exist (or that the partner user recording it is not). */
    static CommandRefusedException unknownPartner(String partnerId) {
        return CommandRefusedException.notFound("partner.unknown", "no partner with id " + partnerId + " exists");
    }

    /** Another open registration holds the customer and product: the same partner's is refused, another's rejects. */
    private RecordedDeal conflicting(RecordDealCommand command, Claim holder) throws Exception {
        Optional<Deal> other = load(holder.owner());
        if (other.isEmpty()) {
            throw CommandRefusedException.rule(
                    "deal.registration.in-flight",
                    "another registration of this customer and product is being recorded right now; try again");
        }
        if (other.get().partnerId().equals(command.partnerId())) {
            throw CommandRefusedException.rule(
                    "deal.registration.duplicate",
                    "partner " + command.partnerId() + " already holds the open registration " + holder.owner()
                            + " for this customer and product");
        }
        Aggregate<Deal> deal = deals.newInstance(() ->
                Deal.recordConflicting(command, holder.owner(), other.get().recordedAt()));
        return new RecordedDeal(CommandResult.of(command.dealId(), deal), DealStatus.REJECTED, holder.owner());
    }

    @CommandHandler
    CommandResult handle(DealCommands.ApproveDealCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.dealId(), deal -> {
            deal.approve(command, rules.protectionPeriod());
            // before the append: a crash after it must still find the deal due one day
            protections.protect(command.dealId(), deal.protectedUntil());
        });
    }

    @CommandHandler
    CommandResult handle(DealCommands.RejectDealCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.dealId(), deal -> {
            deal.reject(command);
            closeAfterCommit(deal);
        });
    }

    @CommandHandler
    CommandResult handle(DealCommands.AdvanceDealStageCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.dealId(), deal -> deal.advance(command));
    }

    @CommandHandler
    CommandResult handle(DealCommands.WinDealCommand command) {
        LocalDate today = command.wonAt() == null ? null : LocalDate.ofInstant(command.wonAt(), ZoneOffset.UTC);
        String currency = command.amount() == null ? null : command.amount().currency();
        CommandValidation.of(command)
                .require(
                        command.closedOn() == null
                                || today == null
                                || !command.closedOn().isAfter(today),
                        "closedOn",
                        "must not be in the future")
                .require(
                        currency == null || currency.equals(rules.reportingCurrency()),
                        "amount.currency",
                        "must be the reporting currency " + rules.reportingCurrency())
                .require(
                        command.amount() == null
                                || command.amount().amount() == null
                                || command.amount().amount().compareTo(Deal.MAX_AMOUNT) <= 0,
                        "amount.amount",
                        "must be at most 1000000000000")
                .orRefuse();
        return decide(command.dealId(), deal -> {
            deal.win(command);
            closeAfterCommit(deal);
        });
    }

    @CommandHandler
    CommandResult handle(DealCommands.LoseDealCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.dealId(), deal -> {
            deal.lose(command);
            closeAfterCommit(deal);
        });
    }

    @CommandHandler
    CommandResult handle(DealCommands.ExtendProtectionCommand command) {
        CommandValidation.of(command).orRefuse();
        return decide(command.dealId(), deal -> {
            Instant before = deal.protectedUntil();
            deal.extend(command);
            protections.protect(command.dealId(), deal.protectedUntil());
            CurrentUnitOfWork.get().onRollback(u -> protections.protect(command.dealId(), before));
        });
    }

    @CommandHandler
    CommandResult handle(DealCommands.ExpireDealCommand command) {
        if (load(command.dealId()).isEmpty()) {
            protections.forget(command.dealId()); // nothing to expire: its approval never got stored
            return new CommandResult(command.dealId(), 0);
        }
        return decide(command.dealId(), deal -> {
            deal.expire(command);
            if (deal.status() == DealStatus.APPROVED) {
                // not due after all (extended meanwhile): the sweep looks again at the real end
                CurrentUnitOfWork.get().afterCommit(u -> protections.protect(command.dealId(), deal.protectedUntil()));
            } else if (deal.status().isOpen()) {
                // still pending: its approval never got stored; it keeps its registration, only the row goes
                CurrentUnitOfWork.get().afterCommit(u -> protections.forget(command.dealId()));
            } else {
                closeAfterCommit(deal);
            }
        });
    }

    @CommandHandler
    CommandResult handle(DealCommands.WithdrawDealCommand command) {
        if (load(command.dealId()).isEmpty()) {
            // a claim whose command died before its events were stored: nothing to withdraw, free its place
            claims.release(OPEN_DEALS, command.partnerId() + "/" + command.dealId(), command.dealId());
            return new CommandResult(command.dealId(), 0);
        }
        return decide(command.dealId(), deal -> {
            deal.withdraw(command);
            closeAfterCommit(deal);
        });
    }

    /** A closed deal frees its customer and product, its place in the partner's limit, and its expiry. */
    private void closeAfterCommit(Deal deal) {
        String dealId = deal.dealId();
        String key = deal.registrationKey();
        String openKey = deal.partnerId() + "/" + dealId;
        CurrentUnitOfWork.get().afterCommit(u -> {
            claims.release(REGISTRATIONS, key, dealId);
            claims.release(OPEN_DEALS, openKey, dealId);
            protections.forget(dealId);
        });
    }

    private void confirmOrRelease(String scope, String key, String dealId) {
        CurrentUnitOfWork.get().afterCommit(u -> claims.confirm(scope, key, dealId));
        CurrentUnitOfWork.get().onRollback(u -> claims.release(scope, key, dealId));
    }

    /**
     * The partner's open registrations. A claim left unconfirmed past its grace by a command that died before
     * its events were stored is released here instead of taking a place for ever.
     */
    private int openRegistrations(String partnerId) {
        int open = 0;
        for (Claim claim : claims.findByPrefix(OPEN_DEALS, partnerId + "/")) {
            if (claim.confirmed()
                    || claims.inFlight(claim)
                    || load(claim.owner()).isPresent()) {
                open++;
            } else {
                claims.release(OPEN_DEALS, claim.key(), claim.owner());
            }
        }
        return open;
    }

    /** Whether the deal exists, is open and holds this registration key: asked of its stream. */
    private boolean holdsOpen(String dealId, String key) {
        return load(dealId)
                .map(deal -> deal.status().isOpen() && key.equals(deal.registrationKey()))
                .orElse(false);
    }

    private Optional<Deal> load(String dealId) {
        try {
            return Optional.of(deals.load(dealId).invoke(deal -> deal));
        } catch (AggregateNotFoundException neverStored) {
            return Optional.empty();
        }
    }

    /** Loads the deal (404 when there is none) and lets it decide. */
    private CommandResult decide(String dealId, Consumer<Deal> decision) {
        return CommandResult.decide(deals, "deal", dealId, decision);
    }
}
