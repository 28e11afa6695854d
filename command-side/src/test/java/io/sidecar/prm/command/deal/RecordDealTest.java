package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.AMOUNT;
import static io.sidecar.prm.command.deal.DealTestData.CUSTOMER_DOMAIN;
import static io.sidecar.prm.command.deal.DealTestData.CUSTOMER_NAME;
import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.EXPECTED_CLOSE_DATE;
import static io.sidecar.prm.command.deal.DealTestData.MAX_AMOUNT;
import static io.sidecar.prm.command.deal.DealTestData.MAX_PRODUCT_LENGTH;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.PRODUCT;
import static io.sidecar.prm.command.deal.DealTestData.RECORDING_DAY;
import static io.sidecar.prm.command.deal.DealTestData.UNKNOWN_PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.dealRecorded;
import static io.sidecar.prm.command.deal.DealTestData.dealRules;
import static io.sidecar.prm.command.deal.DealTestData.recordDeal;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsNotFound;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RecordDealTest {

    /** The partners the handler can see, standing in for the event-sourced lookup. */
    private final Map<String, PartnerStatus> partners = new HashMap<>(Map.of(PARTNER_ID, PartnerStatus.ACTIVE));

    private final PartnerStatuses partnerStatuses = partnerId -> Optional.ofNullable(partners.get(partnerId));

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = DealTestData.fixture(partnerStatuses, dealRules());
    }

    @Test
    void recordingAValidDealForAnExistingPartnerRecordsDealRecorded() {
        fixture.givenNoPriorActivity()
                .when(recordDeal().build())
                .expectSuccessfulHandlerExecution()
                .expectEvents(dealRecorded())
                .expectResultMessagePayload(
                        new RecordedDeal(new CommandResult(DEAL_ID, 1), DealStatus.PENDING_APPROVAL, null));
    }

    @Test
    void theCustomerDomainIsRecordedInLowerCaseWithoutWww() {
        fixture.givenNoPriorActivity()
                .when(recordDeal()
                        .customerDomain("WWW." + CUSTOMER_DOMAIN.toUpperCase())
                        .build())
                .expectEvents(dealRecorded());
    }

    @Test
    void namesAndProductsAreRecordedWithoutSurroundingWhitespace() {
        fixture.givenNoPriorActivity()
                .when(recordDeal()
                        .customerName("  " + CUSTOMER_NAME + " ")
                        .product("\t" + PRODUCT + "  ")
                        .build())
                .expectEvents(dealRecorded());
    }

    @Test
    void aDealForAnUnknownPartnerIsRefusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(recordDeal().partnerId(UNKNOWN_PARTNER_ID).build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsNotFound("partner.unknown"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartnerStatus.class,
            names = {"ONBOARDING", "SUSPENDED", "OFFBOARDED"})
    void aDealForAPartnerThatIsNotActiveIsRefused(PartnerStatus status) {
        partners.put(PARTNER_ID, status);
        fixture.givenNoPriorActivity()
                .when(recordDeal().build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("deal.partner.not-active"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} is refused, naming {2}")
    @MethodSource("invalidFields")
    void anInvalidFieldIsRefusedByNameAndRecordsNothing(String problem, RecordDealCommand command, String field) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid(field))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                arguments("a blank partner id", recordDeal().partnerId(" ").build(), "partnerId"),
                arguments("a missing customer", recordDeal().withoutCustomer().build(), "customer"),
                arguments(
                        "a blank customer name", recordDeal().customerName(" ").build(), "customer.name"),
                arguments(
                        "a domain with a space",
                        recordDeal().customerDomain("globex corp.example").build(),
                        "customer.domain"),
                arguments(
                        "a domain without a top-level domain",
                        recordDeal().customerDomain("globex").build(),
                        "customer.domain"),
                arguments(
                        "a domain that is only www and a top-level domain",
                        recordDeal().customerDomain("www.com").build(),
                        "customer.domain"),
                arguments(
                        "a URL as domain",
                        recordDeal().customerDomain("https://globex.example").build(),
                        "customer.domain"),
                arguments("a blank product", recordDeal().product("  ").build(), "product"),
                arguments(
                        "a product over 200 characters",
                        recordDeal().product("p".repeat(MAX_PRODUCT_LENGTH + 1)).build(),
                        "product"),
                arguments("a missing amount", recordDeal().withoutAmount().build(), "amount"),
                arguments(
                        "an amount without a value",
                        recordDeal().amount((String) null).build(),
                        "amount.amount"),
                arguments("a zero amount", recordDeal().amount("0").build(), "amount.amount"),
                arguments("a negative amount", recordDeal().amount("-0.01").build(), "amount.amount"),
                arguments(
                        "an amount a cent over 10^12",
                        recordDeal().amount("1000000000000.01").build(),
                        "amount.amount"),
                arguments(
                        "an amount of 10^13",
                        recordDeal().amount("10000000000000").build(),
                        "amount.amount"),
                arguments(
                        "an amount with three decimals",
                        recordDeal().amount("10.005").build(),
                        "amount.amount"),
                arguments(
                        "a currency other than the reporting one",
                        recordDeal().currency("EUR").build(),
                        "amount.currency"),
                arguments("a lower-case currency", recordDeal().currency("usd").build(), "amount.currency"),
                arguments("a two-letter currency", recordDeal().currency("US").build(), "amount.currency"),
                arguments("a missing currency", recordDeal().currency(null).build(), "amount.currency"),
                arguments(
                        "a missing close date",
                        recordDeal().expectedCloseDate(null).build(),
                        "expectedCloseDate"),
                arguments(
                        "a close date the day before recording",
                        recordDeal()
                                .expectedCloseDate(RECORDING_DAY.minusDays(1))
                                .build(),
                        "expectedCloseDate"),
                arguments(
                        "a close date two years and a day ahead",
                        recordDeal()
                                .expectedCloseDate(RECORDING_DAY.plusYears(2).plusDays(1))
                                .build(),
                        "expectedCloseDate"));
    }

    @ParameterizedTest(name = "a close date of {0} is accepted")
    @MethodSource("closeDatesAtTheLimits")
    void closeDatesAtTheLimitsAreAccepted(LocalDate closeDate) {
        fixture.givenNoPriorActivity()
                .when(recordDeal().expectedCloseDate(closeDate).build())
                .expectEvents(dealRecorded(AMOUNT, closeDate));
    }

    static Stream<LocalDate> closeDatesAtTheLimits() {
        return Stream.of(RECORDING_DAY, RECORDING_DAY.plusYears(2));
    }

    @ParameterizedTest(name = "an amount of {0} is accepted")
    @MethodSource("amountsAtTheLimits")
    void amountsAtTheLimitsAreAccepted(BigDecimal amount) {
        fixture.givenNoPriorActivity()
                .when(recordDeal().amount(amount).build())
                .expectEvents(dealRecorded(amount.setScale(2), EXPECTED_CLOSE_DATE));
    }

    static Stream<BigDecimal> amountsAtTheLimits() {
        return Stream.of(new BigDecimal("0.01"), MAX_AMOUNT, new BigDecimal("1000000000000.00"));
    }

    @Test
    void amountsAreRecordedWithTwoDecimalsWhateverNotationTheyCameIn() {
        fixture.givenNoPriorActivity()
                .when(recordDeal().amount(new BigDecimal("1E+3")).build())
                .expectEvents(dealRecorded(new BigDecimal("1000.00"), EXPECTED_CLOSE_DATE));
    }
}
