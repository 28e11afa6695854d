package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.CONTACT_EMAIL;
import static io.sidecar.prm.command.partner.PartnerTestData.CONTACT_NAME;
import static io.sidecar.prm.command.partner.PartnerTestData.CONTACT_PHONE;
import static io.sidecar.prm.command.partner.PartnerTestData.MAX_NAME_LENGTH;
import static io.sidecar.prm.command.partner.PartnerTestData.NAME;
import static io.sidecar.prm.command.partner.PartnerTestData.NEW_CONTACT;
import static io.sidecar.prm.command.partner.PartnerTestData.NEW_NAME;
import static io.sidecar.prm.command.partner.PartnerTestData.NEW_REGION;
import static io.sidecar.prm.command.partner.PartnerTestData.NEW_WEBSITE;
import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.REGION;
import static io.sidecar.prm.command.partner.PartnerTestData.WEBSITE;
import static io.sidecar.prm.command.partner.PartnerTestData.history;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerOnboarded;
import static io.sidecar.prm.command.partner.PartnerTestData.profileUpdated;
import static io.sidecar.prm.command.partner.PartnerTestData.text;
import static io.sidecar.prm.command.partner.PartnerTestData.updateProfile;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** UpdatePartnerProfile: the changed fields only, validated as on onboarding, for a partner not offboarded. */
class PartnerProfileTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = PartnerTestData.fixture();
    }

    @Test
    void changingEveryFieldRecordsEveryField() {
        fixture.given(partnerOnboarded())
                .when(updateProfile()
                        .name(NEW_NAME)
                        .website(NEW_WEBSITE)
                        .region(NEW_REGION)
                        .contact(NEW_CONTACT)
                        .build())
                .expectSuccessfulHandlerExecution()
                .expectEvents(profileUpdated(NEW_NAME, NEW_WEBSITE, NEW_REGION, NEW_CONTACT))
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 2));
    }

    @Test
    void onlyTheChangedFieldsAreRecorded() {
        fixture.given(partnerOnboarded())
                .when(updateProfile()
                        .name(NAME)
                        .website(WEBSITE)
                        .region(NEW_REGION)
                        .contact(new Contact(CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE))
                        .build())
                .expectEvents(profileUpdated(null, null, NEW_REGION, null));
    }

    @Test
    void absentFieldsStayAsTheyAre() {
        fixture.given(partnerOnboarded())
                .when(updateProfile().website(NEW_WEBSITE).build())
                .expectEvents(profileUpdated(null, NEW_WEBSITE, null, null));
    }

    @Test
    void aBlankWebsiteIsNoChangeAsOnOnboarding() {
        fixture.given(partnerOnboarded())
                .when(updateProfile().website("   ").build())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewContactReplacesTheWholeContact() {
        Contact withoutPhone = new Contact(CONTACT_NAME, CONTACT_EMAIL, null);
        fixture.given(partnerOnboarded())
                .when(updateProfile().contact(withoutPhone).build())
                .expectEvents(profileUpdated(null, null, null, withoutPhone));
    }

    @Test
    void anUpdateWithNoFieldsRecordsNothingAndKeepsTheVersion() {
        fixture.given(partnerOnboarded())
                .when(updateProfile().build())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 1));
    }

    @Test
    void anUpdateRepeatingTheCurrentProfileRecordsNothing() {
        fixture.given(partnerOnboarded())
                .when(updateProfile()
                        .name(" " + NAME + " ")
                        .website(WEBSITE)
                        .region(REGION.toLowerCase())
                        .contact(new Contact(CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE))
                        .build())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 1));
    }

    @Test
    void anUpdateRepeatingAnEarlierUpdateRecordsNothing() {
        fixture.given(partnerOnboarded(), profileUpdated(null, null, NEW_REGION, null))
                .when(updateProfile().region(NEW_REGION).build())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revertingAnEarlierUpdateIsAChange() {
        fixture.given(partnerOnboarded(), profileUpdated(null, null, NEW_REGION, null))
                .when(updateProfile().region(REGION).build())
                .expectEvents(profileUpdated(null, null, REGION, null));
    }

    @Test
    void aLowerCaseRegionIsRecordedInUpperCase() {
        fixture.given(partnerOnboarded())
                .when(updateProfile().region(" at ").build())
                .expectEvents(profileUpdated(null, null, NEW_REGION, null));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ACME RESELLERS GMBH", "acme resellers gmbh", "AcmeResellers GmbH", "Acme  Resellers GmbH"})
    void renamingToAnotherSpellingOfTheCurrentNameRecordsTheNewSpelling(String spelling) {
        fixture.given(partnerOnboarded())
                .when(updateProfile().name(spelling).build())
                .expectSuccessfulHandlerExecution()
                .expectEvents(profileUpdated(spelling, null, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = PartnerStatus.class,
            names = {"ONBOARDING", "ACTIVE", "SUSPENDED"})
    void theProfileOfAPartnerThatIsNotOffboardedCanBeUpdated(PartnerStatus status) {
        fixture.given(history(status))
                .when(updateProfile().region(NEW_REGION).build())
                .expectEvents(profileUpdated(null, null, NEW_REGION, null));
    }

    @Test
    void cannotUpdateTheProfileOfAnOffboardedPartner() {
        fixture.given(history(PartnerStatus.OFFBOARDED))
                .when(updateProfile().region(NEW_REGION).build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.offboarded"))
                .expectNoEvents();
    }

    @Test
    void cannotRenameAnOffboardedPartner() {
        fixture.given(history(PartnerStatus.OFFBOARDED))
                .when(updateProfile().name(NEW_NAME).build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.offboarded"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} is refused, naming {2}")
    @MethodSource("invalidFields")
    void anInvalidFieldIsRefusedByNameAndRecordsNothing(
            String problem, UpdatePartnerProfileCommand command, String field) {
        fixture.given(partnerOnboarded())
                .when(command)
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid(field))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                arguments(
                        "an unassigned region XX", updateProfile().region("XX").build(), "region"),
                arguments(
                        "a three-letter region DEU",
                        updateProfile().region("DEU").build(),
                        "region"),
                arguments("a blank region", updateProfile().region("  ").build(), "region"),
                arguments("a blank name", updateProfile().name("   ").build(), "name"),
                arguments(
                        "a name over 200 characters",
                        updateProfile().name(text(MAX_NAME_LENGTH + 1)).build(),
                        "name"),
                arguments(
                        "a website without a scheme",
                        updateProfile().website("acme.example").build(),
                        "website"),
                arguments(
                        "a contact with an invalid email",
                        updateProfile()
                                .contact(new Contact(CONTACT_NAME, "jane.acme.example", null))
                                .build(),
                        "contact.email"),
                arguments(
                        "a contact without a name",
                        updateProfile()
                                .contact(new Contact(" ", CONTACT_EMAIL, null))
                                .build(),
                        "contact.name"));
    }
}
