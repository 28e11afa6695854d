package io.sidecar.prm.command.deal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.sidecar.prm.command.support.CommandValidation;
import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealRecorded;
import io.sidecar.prm.events.deal.DealStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /** Records a deal from a command that {@link #validate} has accepted. */
    static Deal record(RecordDealCommand command) {
        return new Deal(command);
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
    }
}
