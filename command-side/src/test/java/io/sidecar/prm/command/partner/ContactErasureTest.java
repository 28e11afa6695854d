package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.CONTACT_EMAIL;
import static io.sidecar.prm.command.partner.PartnerTestData.CONTACT_ERASED_AT;
import static io.sidecar.prm.command.partner.PartnerTestData.CONTACT_NAME;
import static io.sidecar.prm.command.partner.PartnerTestData.CONTACT_PHONE;
import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.claims;
import static io.sidecar.prm.command.partner.PartnerTestData.history;
import static io.sidecar.prm.command.partner.PartnerTestData.profileUpdated;
import static io.sidecar.prm.command.partner.PartnerTestData.updateProfile;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.partner.PartnerContactErased;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.security.personal.DataKeyStore;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.Mockito;

/** EraseContactData: the erasure is recorded, then the partner's data keys are deleted; never twice. */
class ContactErasureTest {

    private static final Contact GRACE = new Contact("Grace Hopper", "grace@acme.example", null);

    private final DataKeyStore keys = Mockito.mock(DataKeyStore.class);
    private AggregateTestFixture<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
        fixture.registerAnnotatedCommandHandler(PartnerTestData.handler(fixture.getRepository(), claims(), keys));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PartnerStatus.class)
    void erasingRecordsPartnerContactErasedAndDeletesTheKeysInAnyState(PartnerStatus status) {
        fixture.given(history(status))
                .when(erase())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PartnerContactErased(PARTNER_ID, CONTACT_ERASED_AT));
        verify(keys).erase(PARTNER_ID);
    }

    @Test
    void theAnswerIsThePartnersNewVersion() {
        fixture.given(history(PartnerStatus.ACTIVE))
                .when(erase())
                .expectResultMessagePayload(new CommandResult(PARTNER_ID, 6));
    }

    @Test
    void aContactErasedAlreadyIsRefusedAndNothingIsDeleted() {
        fixture.given(history(PartnerStatus.ACTIVE, new PartnerContactErased(PARTNER_ID, CONTACT_ERASED_AT)))
                .when(erase())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.contact-already-erased"))
                .expectNoEvents();
        verify(keys, never()).erase(PARTNER_ID);
    }

    @Test
    void aContactGivenAfterAnErasureCanBeErasedInItsTurn() {
        fixture.given(history(
                        PartnerStatus.ACTIVE,
                        new PartnerContactErased(PARTNER_ID, CONTACT_ERASED_AT),
                        profileUpdated(null, null, null, GRACE)))
                .when(erase())
                .expectEvents(new PartnerContactErased(PARTNER_ID, CONTACT_ERASED_AT));
    }

    @Test
    void theSameContactGivenAgainAfterAnErasureIsANewContact() {
        Contact before = new Contact(CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE);
        fixture.given(history(PartnerStatus.ACTIVE, new PartnerContactErased(PARTNER_ID, CONTACT_ERASED_AT)))
                .when(updateProfile().contact(before).build())
                .expectEvents(profileUpdated(null, null, null, before));
        verifyNoInteractions(keys);
    }

    private static EraseContactDataCommand erase() {
        return new EraseContactDataCommand(PARTNER_ID, CONTACT_ERASED_AT);
    }
}
