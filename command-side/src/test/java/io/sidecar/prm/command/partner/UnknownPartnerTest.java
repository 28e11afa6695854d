package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.UNKNOWN_PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.commandsOnAnExistingPartner;
import static io.sidecar.prm.command.partner.PartnerTestData.setGoal;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsNotFound;

import io.sidecar.prm.command.support.CommandRefusedException;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every command on an existing partner, sent to a partner that was never onboarded. */
class UnknownPartnerTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = PartnerTestData.fixture();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void aCommandOnAnUnknownPartnerIsRefusedAsNotFound(Object command) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsNotFound("partner.unknown"))
                .expectNoEvents();
    }

    static Stream<Object> commands() {
        return commandsOnAnExistingPartner(UNKNOWN_PARTNER_ID).stream();
    }

    @Test
    void anInvalidCommandOnAnUnknownPartnerIsRefusedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(setGoal().partnerId(UNKNOWN_PARTNER_ID).period("2026-Q5").build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("period"))
                .expectNoEvents();
    }
}
