package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.LOSS_REASON;
import static io.sidecar.prm.command.deal.DealTestData.MAX_REASON_LENGTH;
import static io.sidecar.prm.command.deal.DealTestData.dealLost;
import static io.sidecar.prm.command.deal.DealTestData.history;
import static io.sidecar.prm.command.deal.DealTestData.loseDeal;
import static io.sidecar.prm.command.deal.DealTestData.text;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealStatus;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** LoseDeal: an approved deal is lost. */
class LoseDealTest {

    private FixtureConfiguration<Deal> fixture;

    @BeforeEach
    void setUp() {
        fixture = DealTestData.fixture();
    }

    @Test
    void anApprovedDealIsLost() {
        fixture.given(history(DealStatus.APPROVED))
                .when(loseDeal())
                .expectSuccessfulHandlerExecution()
                .expectEvents(dealLost())
                .expectResultMessagePayload(new CommandResult(DEAL_ID, 3));
    }

    @Test
    void theReasonIsRecordedWithoutSurroundingWhitespace() {
        fixture.given(history(DealStatus.APPROVED))
                .when(loseDeal("\t" + LOSS_REASON + "  "))
                .expectEvents(dealLost());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DealStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "APPROVED")
    void onlyAnApprovedDealCanBeLost(DealStatus status) {
        fixture.given(history(status))
                .when(loseDeal())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("deal.not-approved"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aLossNeedsAReason(String reason) {
        fixture.given(history(DealStatus.APPROVED))
                .when(loseDeal(reason))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("reason"))
                .expectNoEvents();
    }

    @Test
    void aReasonOver500CharactersIsRefused() {
        fixture.given(history(DealStatus.APPROVED))
                .when(loseDeal(text(MAX_REASON_LENGTH + 1)))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("reason"))
                .expectNoEvents();
    }
}
