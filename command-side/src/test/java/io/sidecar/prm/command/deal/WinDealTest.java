package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.WON_DAY;
import static io.sidecar.prm.command.deal.DealTestData.dealWon;
import static io.sidecar.prm.command.deal.DealTestData.history;
import static io.sidecar.prm.command.deal.DealTestData.winDeal;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealStatus;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** WinDeal: an approved deal is won, for an amount in the reporting currency, on a day not in the future. */
class WinDealTest {

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = DealTestData.fixture();
    }

    @Test
    void anApprovedDealIsWon() {
        fixture.given(history(DealStatus.APPROVED))
                .when(winDeal().build())
                .expectSuccessfulHandlerExecution()
                .expectEvents(dealWon())
                .expectResultMessagePayload(new CommandResult(DEAL_ID, 3));
    }

    @ParameterizedTest(name = "{0} is recorded as {1}")
    @CsvSource({"24000.5, 24000.50", "1E+4, 10000.00", "0.01, 0.01", "1000000000000, 1000000000000.00"})
    void theAmountIsRecordedWithTwoDecimals(String given, String recorded) {
        fixture.given(history(DealStatus.APPROVED))
                .when(winDeal().amount(given).build())
                .expectEvents(dealWon(new BigDecimal(recorded), WON_DAY));
    }

    @Test
    void aDealCanBeWonOnAnEarlierDay() {
        fixture.given(history(DealStatus.APPROVED))
                .when(winDeal().closedOn(WON_DAY.minusDays(10)).build())
                .expectEvents(dealWon(DealTestData.WON_AMOUNT, WON_DAY.minusDays(10)));
    }

    @ParameterizedTest(name = "{0} is refused, naming {2}")
    @MethodSource("invalidFields")
    void anInvalidFieldIsRefusedByNameAndRecordsNothing(
            String problem, DealCommands.WinDealCommand command, String field) {
        fixture.given(history(DealStatus.APPROVED))
                .when(command)
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid(field))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                arguments(
                        "a close day after the UTC day of the win",
                        winDeal().closedOn(WON_DAY.plusDays(1)).build(),
                        "closedOn"),
                arguments("a missing close day", winDeal().closedOn(null).build(), "closedOn"),
                arguments(
                        "a currency other than the reporting one",
                        winDeal().currency("EUR").build(),
                        "amount.currency"),
                arguments("a lower-case currency", winDeal().currency("usd").build(), "amount.currency"),
                arguments("a missing amount", winDeal().withoutAmount().build(), "amount"),
                arguments("a zero amount", winDeal().amount("0").build(), "amount.amount"),
                arguments("a negative amount", winDeal().amount("-5").build(), "amount.amount"),
                arguments(
                        "an amount with three decimals",
                        winDeal().amount("10.005").build(),
                        "amount.amount"),
                arguments(
                        "an amount a cent over 10^12",
                        winDeal().amount("1000000000000.01").build(),
                        "amount.amount"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DealStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "APPROVED")
    void onlyAnApprovedDealCanBeWon(DealStatus status) {
        fixture.given(history(status))
                .when(winDeal().build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("deal.not-approved"))
                .expectNoEvents();
    }

    @Test
    void anInvalidWinIsRefusedAsInvalidWhateverTheDealsStatus() {
        fixture.given(history(DealStatus.PENDING_APPROVAL))
                .when(winDeal().currency("EUR").build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("amount.currency"))
                .expectNoEvents();
    }
}
