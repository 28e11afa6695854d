package io.sidecar.prm.command.deal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandValidation;
import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealApproved;
import io.sidecar.prm.events.deal.DealLost;
import io.sidecar.prm.events.deal.DealProtectionExtended;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealRegistrationExpired;
import io.sidecar.prm.events.deal.DealRejected;
import io.sidecar.prm.events.deal.DealStage;
import io.sidecar.prm.events.deal.DealStageAdvanced;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.deal.DealWithdrawn;
import io.sidecar.prm.events.deal.DealWon;
import io.sidecar.prm.events.deal.RejectionKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A deal registration: a partner's claim to a customer opportunity, protected once approved.
 */
@Aggregate
public class Deal {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final int MAX_YEARS_AHEAD = 2;

    @AggregateIdentifier
    private String dealId;

    private String partnerId;
    private DealStatus status;
    private DealStage stage;
    private String registrationKey;
    private Instant recordedAt;
    private Instant protectedUntil;

    protected Deal() {
        // for Axon: rebuilt from events
    }

    private Deal(RecordDealCommand command) {
        RecordDealCommand.CustomerDetails customer = command.customer();
        apply(new DealRecorded(
                command.dealId(),
                command.partnerId(),
                new Customer(customer.name(), normaliseDomain(customer.domain())),
                command.product(),
                new Money(
                        command.amount().amount().setScale(2, RoundingMode.UNNECESSARY),
                        command.amount().currency()),
                command.expectedCloseDate(),
                command.fundRequestId(),
                command.recordedAt()));
    }

    private Deal(RecordDealCommand command, String conflictingDealId, Instant conflictingRecordedAt) {
        this(command);
        apply(new DealRejected(
                command.dealId(),
                command.partnerId(),
                "channel conflict: another partner holds the open registration " + conflictingDealId
                        + " for this customer and product, recorded " + conflictingRecordedAt,
                RejectionKind.CHANNEL_CONFLICT,
                conflictingDealId,
                conflictingRecordedAt,
                command.recordedAt()));
    }

    /** Records a deal from a command that {@link #validate} has accepted. */
    static Deal record(RecordDealCommand command) {
        return new Deal(command);
    }

    /** Records a deal and rejects it at once: another partner's open registration holds its customer and product. */
    static Deal recordConflicting(RecordDealCommand command, String conflictingDealId, Instant conflictingRecordedAt) {
        return new Deal(command, conflictingDealId, conflictingRecordedAt);
    }

    /** The lookup key of a registration: the normalised customer domain and the product, case-insensitive. */
    static String registrationKey(String domain, String product) {
        return normaliseDomain(domain) + "|"
                + product.strip().replaceAll("(?U)\\s+", " ").toLowerCase(Locale.ROOT);
    }

    void approve(DealCommands.ApproveDealCommand command, Duration protection) {
        requireStatus(DealStatus.PENDING_APPROVAL, "deal.not-pending", "approved");
        apply(new DealApproved(dealId, partnerId, command.approvedAt().plus(protection), command.approvedAt()));
    }

    void reject(DealCommands.RejectDealCommand command) {
        requireStatus(DealStatus.PENDING_APPROVAL, "deal.not-pending", "rejected");
        apply(new DealRejected(
                dealId, partnerId, command.reason(), RejectionKind.MANUAL, null, null, command.rejectedAt()));
    }

    void advance(DealCommands.AdvanceDealStageCommand command) {
        requireStatus(DealStatus.APPROVED, "deal.not-approved", "moved to another stage");
        if (stage != null && command.stage().compareTo(stage) <= 0) {
            throw CommandRefusedException.rule(
                    "deal.stage.not-forward",
                    "stages only move forward (QUALIFIED → PROPOSAL → NEGOTIATION); this deal is at " + stage);
        }
        apply(new DealStageAdvanced(dealId, partnerId, stage, command.stage(), command.advancedAt()));
    }

    void win(DealCommands.WinDealCommand command) {
        requireStatus(DealStatus.APPROVED, "deal.not-approved", "won");
        apply(new DealWon(
                dealId,
                partnerId,
                new Money(
                        command.amount().amount().setScale(2, RoundingMode.UNNECESSARY),
                        command.amount().currency()),
                command.closedOn(),
                command.wonAt()));
    }

    void lose(DealCommands.LoseDealCommand command) {
        requireStatus(DealStatus.APPROVED, "deal.not-approved", "lost");
        apply(new DealLost(dealId, partnerId, command.reason(), command.lostAt()));
    }

    void extend(DealCommands.ExtendProtectionCommand command) {
        requireStatus(DealStatus.APPROVED, "deal.not-approved", "given more protection");
        apply(new DealProtectionExtended(
                dealId,
                partnerId,
                command.days(),
                protectedUntil.plus(Duration.ofDays(command.days())),
                command.extendedAt()));
    }

    /** Expires the deal if it is still approved and its protection is over; otherwise nothing happens. */
    void expire(DealCommands.ExpireDealCommand command) {
        if (status == DealStatus.APPROVED && !protectedUntil.isAfter(command.now())) {
            apply(new DealRegistrationExpired(dealId, partnerId, protectedUntil, command.now()));
        }
    }

    /** Withdraws the deal if it is open; a closed one stays as it is (a policy may ask twice). */
    void withdraw(DealCommands.WithdrawDealCommand command) {
        if (status.isOpen()) {
            apply(new DealWithdrawn(dealId, partnerId, command.reason(), command.withdrawnAt()));
        }
    }

    private void requireStatus(DealStatus required, String code, String action) {
        if (status != required) {
            throw CommandRefusedException.rule(
                    code, "only a " + required + " deal can be " + action + "; this one is " + status);
        }
    }

    String dealId() {
        return dealId;
    }

    String partnerId() {
        return partnerId;
    }

    DealStatus status() {
        return status;
    }

    Instant recordedAt() {
        return recordedAt;
    }

    Instant protectedUntil() {
        return protectedUntil;
    }

    String registrationKey() {
        return registrationKey;
    }

    /** Validates every field; the rules about the partner are checked by the handler, which can see partners. */
    static void validate(RecordDealCommand command, DealRules rules) {
        MoneyAmount amount = command.amount();
        LocalDate today =
                command.recordedAt() == null ? null : LocalDate.ofInstant(command.recordedAt(), ZoneOffset.UTC);
        LocalDate close = command.expectedCloseDate();
        String domain = command.customer() == null ? null : command.customer().domain();
        CommandValidation.of(command)
                .require(
                        domain == null || normaliseDomain(domain).contains("."),
                        "customer.domain",
                        "must be an internet domain such as example.com")
                .require(
                        amount == null
                                || amount.amount() == null
                                || amount.amount().compareTo(MAX_AMOUNT) <= 0,
                        "amount.amount",
                        "must be at most 1000000000000")
                .require(
                        amount == null
                                || amount.currency() == null
                                || amount.currency().equals(rules.reportingCurrency()),
                        "amount.currency",
                        "must be the reporting currency " + rules.reportingCurrency())
                .require(
                        close == null || today == null || !close.isBefore(today),
                        "expectedCloseDate",
                        "must not be in the past")
                .require(
                        close == null || today == null || !close.isAfter(today.plusYears(MAX_YEARS_AHEAD)),
                        "expectedCloseDate",
                        "must be at most " + MAX_YEARS_AHEAD + " years ahead")
                .orRefuse();
    }

    /** A customer domain as registrations compare it: lower case, without {@code www.}. */
    static String normaliseDomain(String domain) {
        String lower = domain.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("www.") ? lower.substring(4) : lower;
    }

    @EventSourcingHandler
    void on(DealRecorded event) {
        dealId = event.dealId();
        partnerId = event.partnerId();
        status = DealStatus.PENDING_APPROVAL;
        registrationKey = registrationKey(event.customer().domain(), event.product());
        recordedAt = event.recordedAt();
    }

    @EventSourcingHandler
    void on(DealApproved event) {
        status = DealStatus.APPROVED;
        protectedUntil = event.protectedUntil();
    }

    @EventSourcingHandler
    void on(DealRejected event) {
        status = DealStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(DealStageAdvanced event) {
        stage = event.to();
    }

    @EventSourcingHandler
    void on(DealWon event) {
        status = DealStatus.WON;
    }

    @EventSourcingHandler
    void on(DealLost event) {
        status = DealStatus.LOST;
    }

    @EventSourcingHandler
    void on(DealProtectionExtended event) {
        protectedUntil = event.protectedUntil();
    }

    @EventSourcingHandler
    void on(DealRegistrationExpired event) {
        status = DealStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(DealWithdrawn event) {
        status = DealStatus.WITHDRAWN;
    }
}
