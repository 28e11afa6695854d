package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.ATTENDEES;
import static io.sidecar.prm.command.partner.PartnerTestData.CHECK_IN_DAY;
import static io.sidecar.prm.command.partner.PartnerTestData.CHECK_IN_RECORDING_DAY;
import static io.sidecar.prm.command.partner.PartnerTestData.MAX_ATTENDEES;
import static io.sidecar.prm.command.partner.PartnerTestData.MAX_NEXT_STEPS;
import static io.sidecar.prm.command.partner.PartnerTestData.MAX_SUMMARY_LENGTH;
import static io.sidecar.prm.command.partner.PartnerTestData.NEXT_STEPS;
import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.SUMMARY;
import static io.sidecar.prm.command.partner.PartnerTestData.checkInRecorded;
import static io.sidecar.prm.command.partner.PartnerTestData.history;
import static io.sidecar.prm.command.partner.PartnerTestData.items;
import static io.sidecar.prm.command.partner.PartnerTestData.recordCheckIn;
import static io.sidecar.prm.command.partner.PartnerTestData.text;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** RecordCheckIn: a conversation with a partner, written down on or after the day it took place. */
class CheckInTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = PartnerTestData.fixture();
    }

    @Test
    void recordingACheckInRecordsCheckInRecorded() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(recordCheckIn().build())
                .expectSuccessfulHandlerExecution()
                .expectEvents(checkInRecorded())
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 6));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartnerStatus.class,
            names = {"ONBOARDING", "ACTIVE", "SUSPENDED"})
    void aCheckInCanBeRecordedForAPartnerThatIsNotOffboarded(PartnerStatus status) {
        fixture.given(history(status)).when(recordCheckIn().build()).expectEvents(checkInRecorded());
    }

    @Test
    void aCheckInOnTheUtcDayItIsRecordedIsAccepted() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(recordCheckIn().occurredOn(CHECK_IN_RECORDING_DAY).build())
                .expectEvents(checkInRecorded(CHECK_IN_RECORDING_DAY, ATTENDEES, SUMMARY, NEXT_STEPS));
    }

    @Test
    void aCheckInDatedTheDayAfterTheUtcRecordingDayIsRefused() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(recordCheckIn()
                        .occurredOn(CHECK_IN_RECORDING_DAY.plusDays(1))
                        .build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid("occurredOn"))
                .expectNoEvents();
    }

    @Test
    void cannotRecordACheckInWithAnOffboardedPartner() {
        fixture.given(history(PartnerStatus.OFFBOARDED))
                .when(recordCheckIn().build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.offboarded"))
                .expectNoEvents();
    }

    @Test
    void textsAreRecordedWithoutSurroundingWhitespace() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(recordCheckIn()
                        .attendees(ATTENDEES.stream()
                                .map(name -> " " + name + "\t")
                                .toList())
                        .summary("\n" + SUMMARY + "  ")
                        .nextSteps(NEXT_STEPS.stream().map(step -> "  " + step).toList())
                        .build())
                .expectEvents(checkInRecorded());
    }

    @Test
    void aCheckInWithoutNextStepsRecordsAnEmptyList() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(recordCheckIn().nextSteps(null).build())
                .expectEvents(checkInRecorded(CHECK_IN_DAY, ATTENDEES, SUMMARY, List.of()));
    }

    @Test
    void listsAndSummaryAtTheirUpperLimitsAreAccepted() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(recordCheckIn()
                        .attendees(items(MAX_ATTENDEES))
                        .summary(text(MAX_SUMMARY_LENGTH))
                        .nextSteps(items(MAX_NEXT_STEPS))
                        .build())
                .expectEvents(checkInRecorded(
                        CHECK_IN_DAY, items(MAX_ATTENDEES), text(MAX_SUMMARY_LENGTH), items(MAX_NEXT_STEPS)));
    }

    @Test
    void aCheckInWithASingleAttendeeIsAccepted() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(recordCheckIn().attendees(List.of("Jane Doe")).build())
                .expectEvents(checkInRecorded(CHECK_IN_DAY, List.of("Jane Doe"), SUMMARY, NEXT_STEPS));
    }

    @ParameterizedTest(name = "{0} is refused, naming {2}")
    @MethodSource("invalidFields")
    void anInvalidFieldIsRefusedByNameAndRecordsNothing(String problem, RecordCheckInCommand command, String field) {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(command)
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid(field))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                arguments(
                        "a date the day after recording",
                        recordCheckIn()
                                .occurredOn(CHECK_IN_RECORDING_DAY.plusDays(1))
                                .build(),
                        "occurredOn"),
                arguments(
                        "a date a year ahead",
                        recordCheckIn()
                                .occurredOn(CHECK_IN_RECORDING_DAY.plusYears(1))
                                .build(),
                        "occurredOn"),
                arguments("a missing date", recordCheckIn().occurredOn(null).build(), "occurredOn"),
                arguments("no attendees", recordCheckIn().attendees(List.of()).build(), "attendees"),
                arguments("missing attendees", recordCheckIn().attendees(null).build(), "attendees"),
                arguments(
                        "21 attendees",
                        recordCheckIn().attendees(items(MAX_ATTENDEES + 1)).build(),
                        "attendees"),
                arguments(
                        "a summary of 2001 characters",
                        recordCheckIn().summary(text(MAX_SUMMARY_LENGTH + 1)).build(),
                        "summary"),
                arguments("a blank summary", recordCheckIn().summary("  ").build(), "summary"),
                arguments("a missing summary", recordCheckIn().summary(null).build(), "summary"),
                arguments("a missing sentiment", recordCheckIn().sentiment(null).build(), "sentiment"),
                arguments(
                        "21 next steps",
                        recordCheckIn().nextSteps(items(MAX_NEXT_STEPS + 1)).build(),
                        "nextSteps"),
                arguments(
                        "a blank second attendee",
                        recordCheckIn().attendees(List.of("Ada", " ")).build(),
                        "attendees[1]"),
                arguments(
                        "a blank next step",
                        recordCheckIn().nextSteps(List.of(" ")).build(),
                        "nextSteps[0]"));
    }
}
