package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.support.MoneyAmount;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One valid deal registration, as a command and as the event it records, plus a builder for the variants the tests
 * need. The registration is recorded late in the UTC day, so "today" is the UTC date of {@link #RECORDED_AT}.
 */
final class DealTestData {

    static final String DEAL_ID = "deal-globex-1";
    static final String PARTNER_ID = "partner-acme";
    static final String UNKNOWN_PARTNER_ID = "partner-nobody";
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

    private DealTestData() {}

    /** The rules the tests run under. */
    static DealRules dealRules() {
        return new DealRules(REPORTING_CURRENCY);
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

    /** Builds {@link RecordDealCommand}s: the valid one, or one with a few fields changed. */
    static final class RecordDeal {

        private String partnerId = PARTNER_ID;
        private boolean withCustomer = true;
        private String customerName = CUSTOMER_NAME;
        private String customerDomain = CUSTOMER_DOMAIN;
        private String product = PRODUCT;
        private boolean withAmount = true;
        private BigDecimal amount = AMOUNT;
        private String currency = REPORTING_CURRENCY;
        private LocalDate expectedCloseDate = EXPECTED_CLOSE_DATE;

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

        RecordDealCommand build() {
            return new RecordDealCommand(
                    DEAL_ID,
                    partnerId,
                    withCustomer ? new RecordDealCommand.CustomerDetails(customerName, customerDomain) : null,
                    product,
                    withAmount ? new MoneyAmount(amount, currency) : null,
                    expectedCloseDate,
                    FUND_REQUEST_ID,
                    RECORDED_AT);
        }
    }
}
