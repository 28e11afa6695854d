package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.UNKNOWN_DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.commandsOnAnExistingDeal;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsNotFound;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command on an existing deal, sent to a deal that was never recorded. */
class UnknownDealTest {

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = DealTestData.fixture();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aCommandOnAnUnknownDealIsRefusedAsNotFound(Object command) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsNotFound("deal.unknown"))
                .expectNoEvents();
    }

    static Stream<Object> commands() {
        return commandsOnAnExistingDeal(UNKNOWN_DEAL_ID).stream();
    }

    @Test
    void withdrawingADealThatWasNeverStoredRecordsNothingAndAnswersVersionZero() {
        fixture.givenNoPriorActivity()
                .when(new DealCommands.WithdrawDealCommand(
                        UNKNOWN_DEAL_ID, DealTestData.PARTNER_ID, "partner offboarded", DealTestData.WITHDRAWN_AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(UNKNOWN_DEAL_ID, 0));
    }
}
