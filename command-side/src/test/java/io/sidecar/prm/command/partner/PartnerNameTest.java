package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.partner.PartnerTestData.NAME;
import static io.sidecar.prm.command.partner.PartnerTestData.NEW_NAME;
import static io.sidecar.prm.command.partner.PartnerTestData.OTHER_NAME;
import static io.sidecar.prm.command.partner.PartnerTestData.OTHER_PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.PARTNER_ID;
import static io.sidecar.prm.command.partner.PartnerTestData.history;
import static io.sidecar.prm.command.partner.PartnerTestData.offboardPartner;
import static io.sidecar.prm.command.partner.PartnerTestData.onboardPartner;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerOffboarded;
import static io.sidecar.prm.command.partner.PartnerTestData.partnerOnboarded;
import static io.sidecar.prm.command.partner.PartnerTestData.profileUpdated;
import static io.sidecar.prm.command.partner.PartnerTestData.updateProfile;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.command.lookup.Claim;
import io.sidecar.prm.command.lookup.Claims;
import io.sidecar.prm.command.support.CommandRefusedException;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names are unique among partners not offboarded, ignoring case and white space: the handler claims a name in the
 * lookup before the events are stored and frees it when a partner gives it up. The lookup's clock stands still, so
 * {@link #OTHER_NAME}'s unconfirmed claim stays in flight and is refused without asking the event store about its
 * holder (the fixture holds one partner's events only).
 */
class PartnerNameTest {

    private final Claims claims = PartnerTestData.claims();

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        AggregateTestFixture<Partner> aggregateFixture = new AggregateTestFixture<>(Partner.class);
        aggregateFixture.registerAnnotatedCommandHandler(
                PartnerTestData.handler(aggregateFixture.getRepository(), claims));
        fixture = aggregateFixture;
        claims.claim(PartnerNames.SCOPE, PartnerNames.key(OTHER_NAME), OTHER_PARTNER_ID, holder -> true);
    }

    @AfterEach
    void closeLookup() throws Exception {
        claims.close();
    }

    @Test
    void onboardingClaimsTheNameForThePartner() {
        fixture.givenNoPriorActivity().when(onboardPartner().build()).expectEvents(partnerOnboarded());

        assertThat(claimOn(NAME)).hasValueSatisfying(claim -> {
            assertThat(claim.owner()).isEqualTo(PARTNER_ID);
            assertThat(claim.confirmed()).isTrue();
        });
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"Initech Partners", "INITECH PARTNERS", " initech  partners ", "InitechPartners"})
    void cannotOnboardUnderANameAnotherPartnerHolds(String name) {
        fixture.givenNoPriorActivity()
                .when(onboardPartner().name(name).build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.name.taken"))
                .expectNoEvents();
    }

    @Test
    void cannotRenameAPartnerToANameAnotherPartnerHolds() {
        claimAsHeld(NAME);
        fixture.given(partnerOnboarded())
                .when(updateProfile().name("initech partners").build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.name.taken"))
                .expectNoEvents();

        assertThat(claimOn(NAME)).map(Claim::owner).hasValue(PARTNER_ID);
    }

    @Test
    void renamingMovesTheClaimToTheNewName() {
        claimAsHeld(NAME);
        fixture.given(partnerOnboarded())
                .when(updateProfile().name(NEW_NAME).build())
                .expectEvents(profileUpdated(NEW_NAME, null, null, null));

        assertThat(claimOn(NAME)).isEmpty();
        assertThat(claimOn(NEW_NAME)).hasValueSatisfying(claim -> {
            assertThat(claim.owner()).isEqualTo(PARTNER_ID);
            assertThat(claim.confirmed()).isTrue();
        });
    }

    @Test
    void respellingTheCurrentNameKeepsTheClaim() {
        claimAsHeld(NAME);
        fixture.given(partnerOnboarded())
                .when(updateProfile().name(NAME.toUpperCase()).build())
                .expectEvents(profileUpdated(NAME.toUpperCase(), null, null, null));

        assertThat(claimOn(NAME)).map(Claim::owner).hasValue(PARTNER_ID);
    }

    @Test
    void aRefusedRenameLeavesTheNewNameFree() {
        claimAsHeld(NAME);
        fixture.given(history(PartnerStatus.OFFBOARDED))
                .when(updateProfile().name(NEW_NAME).build())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.offboarded"))
                .expectNoEvents();

        assertThat(claimOn(NEW_NAME)).isEmpty();
    }

    @Test
    void offboardingFreesTheName() {
        claimAsHeld(NAME);
        fixture.given(partnerOnboarded()).when(offboardPartner()).expectEvents(partnerOffboarded());

        assertThat(claimOn(NAME)).isEmpty();
    }

    @Test
    void aRefusedOffboardingKeepsTheClaim() {
        claimAsHeld(NAME);
        fixture.given(history(PartnerStatus.OFFBOARDED))
                .when(offboardPartner())
                .expectException(CommandRefusedException.class)
                .expectException(refusedByRule("partner.offboarded"))
                .expectNoEvents();

        assertThat(claimOn(NAME)).map(Claim::owner).hasValue(PARTNER_ID);
    }

    /** The lookup as it stands after the partner's onboarding was stored: it holds {@code name}. */
    private void claimAsHeld(String name) {
        String key = PartnerNames.key(name);
        claims.claim(PartnerNames.SCOPE, key, PARTNER_ID, holder -> true);
        claims.confirm(PartnerNames.SCOPE, key, PARTNER_ID);
    }

    private Optional<Claim> claimOn(String name) {
        return claims.find(PartnerNames.SCOPE, PartnerNames.key(name));
    }
}
