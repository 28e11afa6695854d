package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.CONTACT_NAME;
import static io.sidecar.prm.command.partner.PartnerTestData.LONGEST_LANGUAGE;
import static io.sidecar.prm.command.partner.PartnerTestData.MAX_LANGUAGE_LENGTH;
import static io.sidecar.prm.command.partner.PartnerTestData.MAX_NAME_LENGTH;
import static io.sidecar.prm.command.partner.PartnerTestData.MAX_WEBSITE_LENGTH;
import static io.sidecar.prm.command.partner.PartnerTestData.NAME;
import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.WEBSITE;
import static io.sidecar.prm.command.partner.PartnerTestData.onboardPartner;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerOnboarded;
import static io.sidecar.prm.command.partner.PartnerTestData.text;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.partner.PartnerOnboarded;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OnboardPartnerTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = PartnerTestData.fixture();
    }

    @Test
    void onboardingAValidPartnerRecordsPartnerOnboarded() {
        fixture.givenNoPriorActivity()
                .when(onboardPartner().build())
                .expectSuccessfulHandlerExecution()
                .expectEvents(partnerOnboarded())
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 1));
    }

    @Test
    void onboardingRecordsNamesWithoutSurroundingWhitespace() {
        fixture.givenNoPriorActivity()
                .when(onboardPartner()
                        .name("  " + NAME + "\t")
                        .contactName(" " + CONTACT_NAME + " ")
                        .build())
                .expectEvents(partnerOnboarded());
    }

    @Test
    void onboardingWithoutPhoneOrWebsiteRecordsThemAsAbsent() {
        PartnerOnboarded expected = partnerOnboarded();
        Contact contact = expected.contact();
        fixture.givenNoPriorActivity()
                .when(onboardPartner().contactPhone(null).website(null).build())
                .expectEvents(new PartnerOnboarded(
                        expected.partnerId(),
                        expected.name(),
                        expected.type(),
                        expected.region(),
                        new Contact(contact.name(), contact.email(), null),
                        null,
                        expected.language(),
                        expected.onboardedAt()));
    }

    @Test
    void surroundingWhitespaceAndLowerCaseAreNotReasonsToRefuse() {
        fixture.givenNoPriorActivity()
                .when(onboardPartner()
                        .name(" " + NAME + " ")
                        .region(" de ")
                        .contactEmail(" ada@acme.example ")
                        .contactPhone("")
                        .website("  ")
                        .build())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aLowerCaseRegionIsRecordedInUpperCase() {
        fixture.givenNoPriorActivity()
                .when(onboardPartner().region("de").build())
                .expectEvents(partnerOnboarded());
    }

    @Test
    void aNameOfTheMaximumLengthWithSurroundingSpacesIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(onboardPartner().name(" " + text(MAX_NAME_LENGTH) + " ").build())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBlankPhoneIsRecordedAsAbsent() {
        PartnerOnboarded expected = partnerOnboarded();
        Contact contact = expected.contact();
        fixture.givenNoPriorActivity()
                .when(onboardPartner().contactPhone("   ").build())
                .expectEvents(new PartnerOnboarded(
                        expected.partnerId(),
                        expected.name(),
                        expected.type(),
                        expected.region(),
                        new Contact(contact.name(), contact.email(), null),
                        expected.website(),
                        expected.language(),
                        expected.onboardedAt()));
    }

    @Test
    void namesAndWebsitesAtTheirLengthLimitsAreAccepted() {
        String longestWebsite = WEBSITE + "/" + text(MAX_WEBSITE_LENGTH - WEBSITE.length() - 1);
        PartnerOnboarded expected = partnerOnboarded();
        fixture.givenNoPriorActivity()
                .when(onboardPartner()
                        .name(text(MAX_NAME_LENGTH))
                        .website(longestWebsite)
                        .build())
                .expectEvents(new PartnerOnboarded(
                        expected.partnerId(),
                        text(MAX_NAME_LENGTH),
                        expected.type(),
                        expected.region(),
                        expected.contact(),
                        longestWebsite,
                        expected.language(),
                        expected.onboardedAt()));
    }

    @Test
    void aPartnerOnboardedWithoutALanguageIsToBeContactedInEnglish() {
        fixture.givenNoPriorActivity()
                .when(onboardPartner().language(null).build())
                .expectEvents(partnerOnboarded("en"));
    }

    @Test
    void aBlankLanguageIsTheSameAsNone() {
        fixture.givenNoPriorActivity()
                .when(onboardPartner().language("  ").build())
                .expectEvents(partnerOnboarded("en"));
    }

    @Test
    void aLanguageTagIsRecordedInItsCanonicalCase() {
        fixture.givenNoPriorActivity()
                .when(onboardPartner().language(" PT-br ").build())
                .expectEvents(partnerOnboarded("pt-BR"));
    }

    @Test
    void aLanguageTagWithScriptRegionAndVariantIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(onboardPartner().language("sr-Latn-RS").build())
                .expectEvents(partnerOnboarded("sr-Latn-RS"));
    }

    @Test
    void aLanguageTagOfTheMaximumLengthIsAccepted() {
        assertThat(LONGEST_LANGUAGE).hasSize(MAX_LANGUAGE_LENGTH);
        fixture.givenNoPriorActivity()
                .when(onboardPartner().language(LONGEST_LANGUAGE).build())
                .expectEvents(partnerOnboarded(LONGEST_LANGUAGE));
    }

    @ParameterizedTest(name = "{0} is refused, naming {2}")
    @MethodSource("invalidFields")
    void anInvalidFieldIsRefusedByNameAndRecordsNothing(String problem, OnboardPartnerCommand command, String field) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(CommandRefusedException.class)
                .expectException(refusedAsInvalid(field))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                arguments("an empty name", onboardPartner().name("").build(), "name"),
                arguments("a blank name", onboardPartner().name("   ").build(), "name"),
                arguments(
                        "a name over 200 characters",
                        onboardPartner().name(text(MAX_NAME_LENGTH + 1)).build(),
                        "name"),
                arguments("a missing type", onboardPartner().type(null).build(), "type"),
                arguments("a missing region", onboardPartner().region(null).build(), "region"),
                arguments(
                        "an unassigned region XX", onboardPartner().region("XX").build(), "region"),
                arguments(
                        "a three-letter region DEU",
                        onboardPartner().region("DEU").build(),
                        "region"),
                arguments(
                        "a lower-case unknown region xx",
                        onboardPartner().region("xx").build(),
                        "region"),
                arguments("a missing contact", onboardPartner().withoutContact().build(), "contact"),
                arguments(
                        "a blank contact name",
                        onboardPartner().contactName(" ").build(),
                        "contact.name"),
                arguments(
                        "a contact name over 200 characters",
                        onboardPartner().contactName(text(MAX_NAME_LENGTH + 1)).build(),
                        "contact.name"),
                arguments("a missing email", onboardPartner().contactEmail(null).build(), "contact.email"),
                arguments(
                        "an email without @",
                        onboardPartner().contactEmail("jane.acme.example").build(),
                        "contact.email"),
                arguments(
                        "an email without a dotted domain",
                        onboardPartner().contactEmail("jane@acme").build(),
                        "contact.email"),
                arguments(
                        "an email with two @",
                        onboardPartner().contactEmail("jane@@acme.example").build(),
                        "contact.email"),
                arguments(
                        "an email with a space",
                        onboardPartner().contactEmail("jane doe@acme.example").build(),
                        "contact.email"),
                arguments(
                        "a phone with letters",
                        onboardPartner().contactPhone("+49 30 CALL-ME").build(),
                        "contact.phone"),
                arguments(
                        "a website with another scheme",
                        onboardPartner().website("ftp://acme.example").build(),
                        "website"),
                arguments(
                        "a website without a scheme",
                        onboardPartner().website("acme.example").build(),
                        "website"),
                arguments(
                        "a language with an underscore en_US",
                        onboardPartner().language("en_US").build(),
                        "language"),
                arguments(
                        "a language cut short en-",
                        onboardPartner().language("en-").build(),
                        "language"),
                arguments(
                        "a language name instead of a tag",
                        onboardPartner().language("english").build(),
                        "language"),
                arguments(
                        "the undetermined language und",
                        onboardPartner().language("und").build(),
                        "language"),
                arguments(
                        "a private-use tag without a language",
                        onboardPartner().language("x-klingon").build(),
                        "language"),
                arguments(
                        "a language of digits", onboardPartner().language("123").build(), "language"),
                arguments(
                        "a well-formed language tag over 35 characters",
                        onboardPartner().language(LONGEST_LANGUAGE + "e").build(),
                        "language"),
                arguments(
                        "a website over 2048 characters",
                        onboardPartner()
                                .website(WEBSITE + "/" + text(MAX_WEBSITE_LENGTH))
                                .build(),
                        "website"));
    }
}
