package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.activatePartner;
import static io.sidecar.prm.command.partner.PartnerTestData.allStepsCompleted;
import static io.sidecar.prm.command.partner.PartnerTestData.completeStep;
import static io.sidecar.prm.command.partner.PartnerTestData.history;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerActivated;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerOffboarded;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerOnboarded;
import static io.sidecar.prm.command.partner.PartnerTestData.stepCompleted;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static io.sidecar.prm.events.partner.OnboardingStep.AGREEMENT_SIGNED;
import static io.sidecar.prm.events.partner.OnboardingStep.COMPLIANCE_CHECKED;
import static io.sidecar.prm.events.partner.OnboardingStep.TRAINING_COMPLETED;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.partner.OnboardingStep;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** CompleteOnboardingStep and ActivatePartner: the checklist a partner completes before it becomes ACTIVE. */
class OnboardingChecklistTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = PartnerTestData.fixture();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(OnboardingStep.class)
    void completingAStepRecordsOnboardingStepCompleted(OnboardingStep step) {
        fixture.given(partnerOnboarded())
                .when(completeStep(step))
                .expectSuccessfulHandlerExecution()
                .expectEvents(stepCompleted(step))
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 2));
    }

    @Test
    void stepsCanBeCompletedInAnyOrder() {
        fixture.given(partnerOnboarded(), stepCompleted(TRAINING_COMPLETED))
                .when(completeStep(AGREEMENT_SIGNED))
                .expectEvents(stepCompleted(AGREEMENT_SIGNED));
    }

    @Test
    void completingAStepAlreadyDoneRecordsNothingAndKeepsTheVersion() {
        fixture.given(partnerOnboarded(), stepCompleted(AGREEMENT_SIGNED))
                .when(completeStep(AGREEMENT_SIGNED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 2));
    }

    @Test
    void cannotCompleteAStepForAnOffboardedPartner() {
        fixture.given(partnerOnboarded(), partnerOffboarded())
                .when(completeStep(AGREEMENT_SIGNED))
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.offboarded"))
                .expectNoEvents();
    }

    @Test
    void aStepMustBeNamed() {
        fixture.given(partnerOnboarded())
                .when(completeStep(null))
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("step"))
                .expectNoEvents();
    }

    @Test
    void activatingAPartnerWithEveryStepDoneRecordsPartnerActivated() {
        fixture.given(history(PartnerStatus.ONBOARDING, allStepsCompleted().toArray()))
                .when(activatePartner())
                .expectSuccessfulHandlerExecution()
                .expectEvents(partnerActivated())
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 5));
    }

    @Test
    void cannotActivateBeforeAnyStepIsDoneAndTheRefusalNamesAllThree() {
        fixture.given(partnerOnboarded())
                .when(activatePartner())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule(
                        "partner.activation.steps-missing",
                        "missingSteps",
                        "AGREEMENT_SIGNED",
                        "COMPLIANCE_CHECKED",
                        "TRAINING_COMPLETED"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "with {0} done, the refusal names {1}")
    @MethodSource("partlyDoneChecklists")
    void cannotActivateWhileStepsAreMissingAndTheRefusalNamesThem(
            List<OnboardingStep> done, List<OnboardingStep> missing) {
        List<Object> given = new ArrayList<>(List.of(partnerOnboarded()));
        done.forEach(step -> given.add(stepCompleted(step)));
        fixture.given(given)
                .when(activatePartner())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule(
                        "partner.activation.steps-missing",
                        "missingSteps",
                        missing.stream().map(Enum::name).toArray(String[]::new)))
                .expectNoEvents();
    }

    static Stream<Arguments> partlyDoneChecklists() {
        return Stream.of(
                arguments(List.of(AGREEMENT_SIGNED), List.of(COMPLIANCE_CHECKED, TRAINING_COMPLETED)),
                arguments(List.of(COMPLIANCE_CHECKED), List.of(AGREEMENT_SIGNED, TRAINING_COMPLETED)),
                arguments(List.of(AGREEMENT_SIGNED, COMPLIANCE_CHECKED), List.of(TRAINING_COMPLETED)),
                arguments(List.of(COMPLIANCE_CHECKED, TRAINING_COMPLETED), List.of(AGREEMENT_SIGNED)),
                arguments(List.of(AGREEMENT_SIGNED, TRAINING_COMPLETED), List.of(COMPLIANCE_CHECKED)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartnerStatus.class,
            names = {"ACTIVE", "SUSPENDED", "OFFBOARDED"})
    void cannotActivateAPartnerThatIsNotOnboarding(PartnerStatus status) {
        fixture.given(history(status))
                .when(activatePartner())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.activation.not-onboarding"))
                .expectNoEvents();
    }

    @Test
    void cannotActivateAPartnerOffboardedDuringOnboardingEvenWithEveryStepDone() {
        fixture.given(history(PartnerStatus.ONBOARDING, allStepsCompleted().toArray()))
                .andGiven(partnerOffboarded())
                .when(activatePartner())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.activation.not-onboarding"))
                .expectNoEvents();
    }
}
