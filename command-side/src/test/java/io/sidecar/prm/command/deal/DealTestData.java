package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.lookup.Claims;
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
import io.sidecar.prm.events.partner.PartnerOffboarded;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One valid deal registration, as commands and as the events they record, plus builders for the variants the tests
 * need. The registration is recorded late in the UTC day, so "today" is the UTC date of {@link #RECORDED_AT}; every
 * later action happens at a fixed instant of its own: approval, a stage, an extension, a win or loss, the end of
 * the protection.
 */
final class DealTestData {

    static final String DEAL_ID = "deal-globex-1";
    static final String PARTNER_ID = "partner-acme";
    static final String UNKNOWN_PARTNER_ID = "partner-nobody";
    static final String UNKNOWN_DEAL_ID = "deal-nobody";
    static final Instant RECORDED_AT = Instant.parse("2025-03-10T23:30:00Z");
    static final LocalDate RECORDING_DAY = LocalDate.of(2025, 3, 10);
    static final String CUSTOMER_NAME = "Globex Corporation";
    static final String CUSTOMER_DOMAIN = "globex.example";
    static final String PRODUCT = "Sidecar Enterprise";
    static final BigDecimal AMOUNT = new BigDecimal("25000.00");
    static final String REPORTING_CURRENCY = "USD";
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final LocalDate EXPECTED_CLOSE_DATE = RECORDING_DAY.plusMonths(3);
    static final String FUND_REQUEST_ID = "fund-request-7";
    static final int MAX_PRODUCT_LENGTH = 200;

    /** Another partner, registering the same customer and product later: a channel conflict. */
    static final String OTHER_PARTNER_ID = "partner-initech";

    static final String OTHER_DEAL_ID = "deal-globex-2";
    static final Instant OTHER_RECORDED_AT = RECORDED_AT.plus(Duration.ofHours(2));

    static final Duration PROTECTION_PERIOD = Duration.ofDays(90);
    static final Instant APPROVED_AT = Instant.parse("2025-03-11T09:00:00Z");
    static final Instant PROTECTED_UNTIL = APPROVED_AT.plus(PROTECTION_PERIOD);
    static final Instant REJECTED_AT = Instant.parse("2025-03-11T10:00:00Z");
    static final String REJECTION_REASON = "The customer is served directly by our own sales team";
    static final Instant STAGE_ADVANCED_AT = Instant.parse("2025-03-20T14:00:00Z");
    static final Instant EXTENDED_AT = Instant.parse("2025-05-30T08:00:00Z");
    static final int EXTENSION_DAYS = 30;
    static final int MAX_EXTENSION_DAYS = 180;

    /** Late in the UTC day: in Berlin it is already the next day, which is still the future for a win. */
    static final Instant WON_AT = Instant.parse("2025-05-15T22:30:00Z");

    /** The UTC date of {@link #WON_AT}: "today" for a win. */
    static final LocalDate WON_DAY = LocalDate.of(2025, 5, 15);

    static final BigDecimal WON_AMOUNT = new BigDecimal("24000.50");
    static final Instant LOST_AT = Instant.parse("2025-05-16T11:00:00Z");
    static final String LOSS_REASON = "The customer chose a competitor";
    /** The partner's offboarding, which withdraws its open deals (the policy's withdrawal carries its time). */
    static final Instant OFFBOARDED_AT = Instant.parse("2025-05-20T16:00:00Z");

    static final String OFFBOARDING_REASON = "Partnership ended by mutual agreement";
    static final Instant WITHDRAWN_AT = OFFBOARDED_AT;
    static final String WITHDRAWAL_REASON = "partner offboarded: " + OFFBOARDING_REASON;
    static final int MAX_REASON_LENGTH = 500;

    private DealTestData() {}

    /** The rules the tests run under: the defaults (25 open registrations, 90 days' protection). */
    static DealRules dealRules() {
        return DealRules.defaults(REPORTING_CURRENCY);
    }

    /** The default rules, but with {@code openLimit} open registrations per partner. */
    static DealRules dealRules(int openLimit) {
        return new DealRules(REPORTING_CURRENCY, openLimit, PROTECTION_PERIOD, Duration.ofSeconds(10));
    }

    /** The default rules, but with approvals protecting a deal for {@code protection}. */
    static DealRules dealRules(Duration protection) {
        return new DealRules(REPORTING_CURRENCY, 25, protection, Duration.ofSeconds(10));
    }

    /** A private in-memory H2 database for the command side's lookups (claims, protections, won deals). */
    static DataSource lookupDatabase() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:lookups-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return database;
    }

    /**
     * A fixture of the Deal aggregate with the real command handler, the real lookups on a private in-memory H2
     * database (their clock stands still at {@link #RECORDED_AT}), and the partners {@code partners}.
     */
    static FixtureConfiguration<Deal> fixture(PartnerStatuses partners, DealRules rules) {
        AggregateTestFixture<Deal> fixture = new AggregateTestFixture<>(Deal.class);
        fixture.registerAnnotatedCommandHandler(handler(fixture.getRepository(), partners, rules));
        return fixture;
    }

    /** A fixture of the Deal aggregate under the default rules, where {@link #PARTNER_ID} is ACTIVE. */
    static FixtureConfiguration<Deal> fixture() {
        return fixture(
                partnerId -> PARTNER_ID.equals(partnerId) ? Optional.of(PartnerStatus.ACTIVE) : Optional.empty(),
                dealRules());
    }

    /** The deal command handler on {@code repository}, with the real lookups on a private in-memory H2 database. */
    static DealCommandHandler handler(Repository<Deal> repository, PartnerStatuses partners, DealRules rules) {
        DataSource database = lookupDatabase();
        Clock clock = Clock.fixed(RECORDED_AT, ZoneOffset.UTC);
        return new DealCommandHandler(
                repository,
                partners,
                rules,
                new Claims(database, clock, Duration.ofSeconds(30)),
                new DealProtections(database, clock));
    }

    /** A builder that starts from the valid command. */
    static RecordDeal recordDeal() {
        return new RecordDeal();
    }

    /** The event the valid command records. */
    static DealRecorded dealRecorded() {
        return new DealRecorded(
                DEAL_ID,
                PARTNER_ID,
                new Customer(CUSTOMER_NAME, CUSTOMER_DOMAIN),
                PRODUCT,
                new Money(AMOUNT, REPORTING_CURRENCY),
                EXPECTED_CLOSE_DATE,
                FUND_REQUEST_ID,
                RECORDED_AT);
    }

    /** The event the valid command records, with another amount and close date. */
    static DealRecorded dealRecorded(BigDecimal amount, LocalDate expectedCloseDate) {
        DealRecorded valid = dealRecorded();
        return new DealRecorded(
                valid.dealId(),
                valid.partnerId(),
                valid.customer(),
                valid.product(),
                new Money(amount, REPORTING_CURRENCY),
                expectedCloseDate,
                valid.fundRequestId(),
                valid.recordedAt());
    }

    /** The event the valid command records, for another deal, partner, customer domain, product and time. */
    static DealRecorded dealRecorded(
            String dealId, String partnerId, String domain, String product, Instant recordedAt) {
        return new DealRecorded(
                dealId,
                partnerId,
                new Customer(CUSTOMER_NAME, domain),
                product,
                new Money(AMOUNT, REPORTING_CURRENCY),
                EXPECTED_CLOSE_DATE,
                FUND_REQUEST_ID,
                recordedAt);
    }

    /** The rejection that records a channel conflict with {@code conflictingDealId}, recorded at that time. */
    static DealRejected channelConflict(
            String dealId,
            String partnerId,
            String conflictingDealId,
            Instant conflictingRecordedAt,
            Instant rejectedAt) {
        return new DealRejected(
                dealId,
                partnerId,
                "channel conflict: another partner holds the open registration " + conflictingDealId
                        + " for this customer and product, recorded " + conflictingRecordedAt,
                RejectionKind.CHANNEL_CONFLICT,
                conflictingDealId,
                conflictingRecordedAt,
                rejectedAt);
    }

    /** The events that bring the deal into {@code status}; a won, lost or expired deal had been approved. */
    static List<Object> history(DealStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(dealRecorded());
        switch (status) {
            case PENDING_APPROVAL -> {
                // recorded only
            }
            case APPROVED -> events.add(dealApproved());
            case WON -> events.addAll(List.of(dealApproved(), dealWon()));
            case LOST -> events.addAll(List.of(dealApproved(), dealLost()));
            case EXPIRED -> events.addAll(List.of(dealApproved(), dealExpired(PROTECTED_UNTIL)));
            case REJECTED -> events.add(dealRejected());
            case WITHDRAWN -> events.add(dealWithdrawn());
        }
        return events;
    }

    /** {@link #history} followed by {@code more}. */
    static List<Object> history(DealStatus status, Object... more) {
        List<Object> events = history(status);
        events.addAll(Arrays.asList(more));
        return events;
    }

    static DealCommands.ApproveDealCommand approveDeal() {
        return new DealCommands.ApproveDealCommand(DEAL_ID, APPROVED_AT);
    }

    static DealApproved dealApproved() {
        return new DealApproved(DEAL_ID, PARTNER_ID, PROTECTED_UNTIL, APPROVED_AT);
    }

    static DealCommands.RejectDealCommand rejectDeal() {
        return rejectDeal(REJECTION_REASON);
    }

    static DealCommands.RejectDealCommand rejectDeal(String reason) {
        return new DealCommands.RejectDealCommand(DEAL_ID, reason, REJECTED_AT);
    }

    /** A manager's rejection, as recorded. */
    static DealRejected dealRejected() {
        return new DealRejected(DEAL_ID, PARTNER_ID, REJECTION_REASON, RejectionKind.MANUAL, null, null, REJECTED_AT);
    }

    static DealCommands.AdvanceDealStageCommand advanceStage(DealStage stage) {
        return new DealCommands.AdvanceDealStageCommand(DEAL_ID, stage, STAGE_ADVANCED_AT);
    }

    static DealStageAdvanced stageAdvanced(DealStage from, DealStage to) {
        return new DealStageAdvanced(DEAL_ID, PARTNER_ID, from, to, STAGE_ADVANCED_AT);
    }

    /** A builder that starts from the valid win. */
    static WinDeal winDeal() {
        return new WinDeal();
    }

    /** The event the valid win records. */
    static DealWon dealWon() {
        return dealWon(WON_AMOUNT, WON_DAY);
    }

    static DealWon dealWon(BigDecimal amount, LocalDate closedOn) {
        return new DealWon(DEAL_ID, PARTNER_ID, new Money(amount, REPORTING_CURRENCY), closedOn, WON_AT);
    }

    static DealCommands.LoseDealCommand loseDeal() {
        return loseDeal(LOSS_REASON);
    }

    static DealCommands.LoseDealCommand loseDeal(String reason) {
        return new DealCommands.LoseDealCommand(DEAL_ID, reason, LOST_AT);
    }

    static DealLost dealLost() {
        return new DealLost(DEAL_ID, PARTNER_ID, LOSS_REASON, LOST_AT);
    }

    static DealCommands.ExtendProtectionCommand extendProtection(Integer days) {
        return new DealCommands.ExtendProtectionCommand(DEAL_ID, days, EXTENDED_AT);
    }

    /** An extension by {@code days} of a protection that ended at {@code before}. */
    static DealProtectionExtended protectionExtended(int days, Instant before) {
        return new DealProtectionExtended(DEAL_ID, PARTNER_ID, days, before.plus(Duration.ofDays(days)), EXTENDED_AT);
    }

    /** An extension by {@code days} of the protection the approval gave. */
    static DealProtectionExtended protectionExtended(int days) {
        return protectionExtended(days, PROTECTED_UNTIL);
    }

    static DealCommands.ExpireDealCommand expireDeal(Instant now) {
        return new DealCommands.ExpireDealCommand(DEAL_ID, now);
    }

    /** The approval's protection ran out; the expiry was noticed at {@code now}. */
    static DealRegistrationExpired dealExpired(Instant now) {
        return new DealRegistrationExpired(DEAL_ID, PARTNER_ID, PROTECTED_UNTIL, now);
    }

    static DealCommands.WithdrawDealCommand withdrawDeal() {
        return withdrawDeal(DEAL_ID);
    }

    /** The withdrawal the offboarding policy sends for {@code dealId}. */
    static DealCommands.WithdrawDealCommand withdrawDeal(String dealId) {
        return new DealCommands.WithdrawDealCommand(dealId, PARTNER_ID, WITHDRAWAL_REASON, WITHDRAWN_AT);
    }

    static PartnerOffboarded partnerOffboarded(String partnerId) {
        return new PartnerOffboarded(partnerId, OFFBOARDING_REASON, OFFBOARDED_AT);
    }

    static DealWithdrawn dealWithdrawn() {
        return dealWithdrawn(DEAL_ID);
    }

    /** The offboarding policy's withdrawal of {@code dealId}, a deal of {@link #PARTNER_ID}, as recorded. */
    static DealWithdrawn dealWithdrawn(String dealId) {
        return new DealWithdrawn(dealId, PARTNER_ID, WITHDRAWAL_REASON, WITHDRAWN_AT);
    }

    /** One valid command of every kind that acts on an existing deal (expiry aside), addressed to {@code dealId}. */
    static List<Object> commandsOnAnExistingDeal(String dealId) {
        return List.of(
                new DealCommands.ApproveDealCommand(dealId, APPROVED_AT),
                new DealCommands.RejectDealCommand(dealId, REJECTION_REASON, REJECTED_AT),
                new DealCommands.AdvanceDealStageCommand(dealId, DealStage.PROPOSAL, STAGE_ADVANCED_AT),
                new DealCommands.WinDealCommand(
                        dealId, new MoneyAmount(WON_AMOUNT, REPORTING_CURRENCY), WON_DAY, WON_AT),
                new DealCommands.LoseDealCommand(dealId, LOSS_REASON, LOST_AT),
                new DealCommands.ExtendProtectionCommand(dealId, EXTENSION_DAYS, EXTENDED_AT));
    }

    /** Text of the given length, for length limits. */
    static String text(int length) {
        return "a".repeat(length);
    }

    /** Builds {@link RecordDealCommand}s: the valid one, or one with a few fields changed. */
    static final class RecordDeal {

        private String dealId = DEAL_ID;
        private String partnerId = PARTNER_ID;
        private boolean withCustomer = true;
        private String customerName = CUSTOMER_NAME;
        private String customerDomain = CUSTOMER_DOMAIN;
        private String product = PRODUCT;
        private boolean withAmount = true;
        private BigDecimal amount = AMOUNT;
        private String currency = REPORTING_CURRENCY;
        private LocalDate expectedCloseDate = EXPECTED_CLOSE_DATE;
        private Instant recordedAt = RECORDED_AT;

        RecordDeal dealId(String value) {
            dealId = value;
            return this;
        }

        RecordDeal partnerId(String value) {
            partnerId = value;
            return this;
        }

        RecordDeal withoutCustomer() {
            withCustomer = false;
            return this;
        }

        RecordDeal customerName(String value) {
            customerName = value;
            return this;
        }

        RecordDeal customerDomain(String value) {
            customerDomain = value;
            return this;
        }

        RecordDeal product(String value) {
            product = value;
            return this;
        }

        RecordDeal withoutAmount() {
            withAmount = false;
            return this;
        }

        RecordDeal amount(String value) {
            amount = value == null ? null : new BigDecimal(value);
            return this;
        }

        RecordDeal amount(BigDecimal value) {
            amount = value;
            return this;
        }

        RecordDeal currency(String value) {
            currency = value;
            return this;
        }

        RecordDeal expectedCloseDate(LocalDate value) {
            expectedCloseDate = value;
            return this;
        }

        RecordDeal recordedAt(Instant value) {
            recordedAt = value;
            return this;
        }

        RecordDealCommand build() {
            return new RecordDealCommand(
                    dealId,
                    partnerId,
                    withCustomer ? new RecordDealCommand.CustomerDetails(customerName, customerDomain) : null,
                    product,
                    withAmount ? new MoneyAmount(amount, currency) : null,
                    expectedCloseDate,
                    FUND_REQUEST_ID,
                    recordedAt);
        }
    }

    /** Builds {@link DealCommands.WinDealCommand}s: the valid one, or one with a few fields changed. */
    static final class WinDeal {

        private boolean withAmount = true;
        private BigDecimal amount = WON_AMOUNT;
        private String currency = REPORTING_CURRENCY;
        private LocalDate closedOn = WON_DAY;

        WinDeal withoutAmount() {
            withAmount = false;
            return this;
        }

        WinDeal amount(String value) {
            amount = value == null ? null : new BigDecimal(value);
            return this;
        }

        WinDeal currency(String value) {
            currency = value;
            return this;
        }

        WinDeal closedOn(LocalDate value) {
            closedOn = value;
            return this;
        }

        DealCommands.WinDealCommand build() {
            return new DealCommands.WinDealCommand(
                    DEAL_ID, withAmount ? new MoneyAmount(amount, currency) : null, closedOn, WON_AT);
        }
    }
}
