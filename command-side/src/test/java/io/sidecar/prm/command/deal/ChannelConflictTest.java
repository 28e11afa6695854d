package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.CUSTOMER_DOMAIN;
import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.OTHER_DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.OTHER_PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.OTHER_RECORDED_AT;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.PRODUCT;
import static io.sidecar.prm.command.deal.DealTestData.PROTECTED_UNTIL;
import static io.sidecar.prm.command.deal.DealTestData.RECORDED_AT;
import static io.sidecar.prm.command.deal.DealTestData.approveDeal;
import static io.sidecar.prm.command.deal.DealTestData.channelConflict;
import static io.sidecar.prm.command.deal.DealTestData.dealRecorded;
import static io.sidecar.prm.command.deal.DealTestData.dealRules;
import static io.sidecar.prm.command.deal.DealTestData.expireDeal;
import static io.sidecar.prm.command.deal.DealTestData.loseDeal;
import static io.sidecar.prm.command.deal.DealTestData.recordDeal;
import static io.sidecar.prm.command.deal.DealTestData.rejectDeal;
import static io.sidecar.prm.command.deal.DealTestData.withdrawDeal;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.events.partner.PartnerStatus;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Channel conflicts: another partner's open registration (pending or approved) of the same customer domain and
 * product. Tested on {@link InMemoryDeals}, the handler over a real event store and the real claims, because the
 * handler must load the deal that holds the registration: a fixture holds only one aggregate.
 */
class ChannelConflictTest {

    private InMemoryDeals deals;

    @BeforeEach
    void setUp() {
        deals = new InMemoryDeals(dealRules());
    }

    @AfterEach
    void tearDown() {
        deals.close();
    }

    /** The other partner's registration of the same customer and product, two hours later. */
    private static DealTestData.RecordDeal otherPartnersRegistration() {
        return recordDeal().dealId(OTHER_DEAL_ID).partnerId(OTHER_PARTNER_ID).recordedAt(OTHER_RECORDED_AT);
    }

    @Test
    void conflictingRegistrationIsRejectedWithEvidence() {
        deals.send(recordDeal().build());

        RecordedDeal answer = deals.send(otherPartnersRegistration().build());

        assertThat(
                answer, equalTo(new RecordedDeal(new CommandResult(OTHER_DEAL_ID, 2), DealStatus.REJECTED, DEAL_ID)));
        assertThat(
                deals.eventsOf(OTHER_DEAL_ID),
                contains(
                        dealRecorded(OTHER_DEAL_ID, OTHER_PARTNER_ID, CUSTOMER_DOMAIN, PRODUCT, OTHER_RECORDED_AT),
                        channelConflict(OTHER_DEAL_ID, OTHER_PARTNER_ID, DEAL_ID, RECORDED_AT, OTHER_RECORDED_AT)));
    }

    @Test
    void theRegistrationHeldIsUntouchedByTheConflict() {
        deals.send(recordDeal().build());

        deals.send(otherPartnersRegistration().build());

        assertThat(deals.eventsOf(DEAL_ID), contains(dealRecorded()));
        assertThat(deals.registrationHolder(CUSTOMER_DOMAIN, PRODUCT), equalTo(Optional.of(DEAL_ID)));
    }

    @Test
    void anApprovedRegistrationHoldsTheCustomerAndProductToo() {
        deals.send(recordDeal().build());
        deals.send(approveDeal());

        RecordedDeal answer = deals.send(otherPartnersRegistration().build());

        assertThat(answer.status(), equalTo(DealStatus.REJECTED));
        assertThat(answer.conflictingDealId(), equalTo(DEAL_ID));
    }

    @ParameterizedTest(name = "domain \"{0}\", product \"{1}\"")
    @MethodSource("theSameCustomerAndProductWrittenOtherwise")
    void theSameCustomerAndProductWrittenOtherwiseConflict(String domain, String product) {
        deals.send(recordDeal().build());

        RecordedDeal answer = deals.send(otherPartnersRegistration()
                .customerDomain(domain)
                .product(product)
                .build());

        assertThat(
                answer, equalTo(new RecordedDeal(new CommandResult(OTHER_DEAL_ID, 2), DealStatus.REJECTED, DEAL_ID)));
    }

    static Stream<Arguments> theSameCustomerAndProductWrittenOtherwise() {
        return Stream.of(
                arguments("GLOBEX.Example", PRODUCT),
                arguments("www.globex.example", PRODUCT),
                arguments("WWW.Globex.EXAMPLE", PRODUCT),
                arguments(CUSTOMER_DOMAIN, "SIDECAR ENTERPRISE"),
                arguments(CUSTOMER_DOMAIN, "sidecar enterprise"),
                arguments(CUSTOMER_DOMAIN, "Sidecar   Enterprise"),
                arguments(CUSTOMER_DOMAIN, "Sidecar\tEnterprise"),
                arguments(CUSTOMER_DOMAIN, "  Sidecar Enterprise "),
                arguments("www.GLOBEX.example", " sidecar  ENTERPRISE\t"));
    }

    @Test
    void aRegistrationWrittenOtherwiseIsRecordedAsNormalisedAndRejected() {
        deals.send(recordDeal().build());

        deals.send(otherPartnersRegistration()
                .customerDomain("WWW.Globex.Example")
                .product("  Sidecar  Enterprise ")
                .build());

        assertThat(
                deals.eventsOf(OTHER_DEAL_ID),
                contains(
                        dealRecorded(
                                OTHER_DEAL_ID,
                                OTHER_PARTNER_ID,
                                CUSTOMER_DOMAIN,
                                "Sidecar  Enterprise",
                                OTHER_RECORDED_AT),
                        channelConflict(OTHER_DEAL_ID, OTHER_PARTNER_ID, DEAL_ID, RECORDED_AT, OTHER_RECORDED_AT)));
    }

    @ParameterizedTest(name = "domain \"{0}\", product \"{1}\"")
    @MethodSource("anotherCustomerOrProduct")
    void anotherCustomerOrProductIsNoConflict(String domain, String product) {
        deals.send(recordDeal().build());

        RecordedDeal answer = deals.send(otherPartnersRegistration()
                .customerDomain(domain)
                .product(product)
                .build());

        assertThat(
                answer,
                equalTo(new RecordedDeal(new CommandResult(OTHER_DEAL_ID, 1), DealStatus.PENDING_APPROVAL, null)));
        assertThat(
                deals.eventsOf(OTHER_DEAL_ID),
                contains(dealRecorded(OTHER_DEAL_ID, OTHER_PARTNER_ID, domain, product, OTHER_RECORDED_AT)));
    }

    static Stream<Arguments> anotherCustomerOrProduct() {
        return Stream.of(
                arguments("globex.example.org", PRODUCT),
                arguments("shop.globex.example", PRODUCT),
                arguments("initrode.example", PRODUCT),
                arguments(CUSTOMER_DOMAIN, "Sidecar Enterprise Plus"),
                arguments(CUSTOMER_DOMAIN, "SidecarEnterprise"));
    }

    @Test
    void theSamePartnerRegisteringItTwiceIsRefusedAndNothingIsRecorded() {
        deals.send(recordDeal().build());

        assertThat(
                deals.refusalOf(recordDeal()
                        .dealId(OTHER_DEAL_ID)
                        .recordedAt(OTHER_RECORDED_AT)
                        .build()),
                refusedByRule("deal.registration.duplicate"));
        assertThat(deals.eventsOf(OTHER_DEAL_ID), empty());
        assertThat(deals.openDealsOf(PARTNER_ID), contains(DEAL_ID));
    }

    @Test
    void theSamePartnerWritingItOtherwiseIsStillADuplicate() {
        deals.send(recordDeal().build());

        assertThat(
                deals.refusalOf(recordDeal()
                        .dealId(OTHER_DEAL_ID)
                        .customerDomain("www.GLOBEX.example")
                        .product("sidecar  enterprise")
                        .build()),
                refusedByRule("deal.registration.duplicate"));
        assertThat(deals.eventsOf(OTHER_DEAL_ID), empty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closings")
    void aClosedRegistrationFreesTheCustomerAndProductForAnotherPartner(String closing, List<Object> commands) {
        deals.send(recordDeal().build());
        commands.forEach(deals::send);

        RecordedDeal answer = deals.send(otherPartnersRegistration().build());

        assertThat(
                answer,
                equalTo(new RecordedDeal(new CommandResult(OTHER_DEAL_ID, 1), DealStatus.PENDING_APPROVAL, null)));
        assertThat(deals.registrationHolder(CUSTOMER_DOMAIN, PRODUCT), equalTo(Optional.of(OTHER_DEAL_ID)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closings")
    void aClosedRegistrationFreesTheCustomerAndProductForTheSamePartner(String closing, List<Object> commands) {
        deals.send(recordDeal().build());
        commands.forEach(deals::send);

        RecordedDeal answer = deals.send(recordDeal().dealId(OTHER_DEAL_ID).build());

        assertThat(answer.status(), equalTo(DealStatus.PENDING_APPROVAL));
        assertThat(deals.openDealsOf(PARTNER_ID), contains(OTHER_DEAL_ID));
    }

    static Stream<Arguments> closings() {
        return Stream.of(
                arguments("rejected", List.of(rejectDeal())),
                arguments("withdrawn while pending", List.of(withdrawDeal())),
                arguments("lost", List.of(approveDeal(), loseDeal())),
                arguments("won", List.of(approveDeal(), DealTestData.winDeal().build())),
                arguments("expired", List.of(approveDeal(), expireDeal(PROTECTED_UNTIL))),
                arguments("withdrawn once approved", List.of(approveDeal(), withdrawDeal())));
    }

    @Test
    void aRefusedClosingKeepsTheCustomerAndProductHeld() {
        deals.send(recordDeal().build());
        deals.refusalOf(loseDeal()); // a pending deal cannot be lost: nothing committed, nothing released

        RecordedDeal answer = deals.send(otherPartnersRegistration().build());

        assertThat(answer.status(), equalTo(DealStatus.REJECTED));
        assertThat(deals.registrationHolder(CUSTOMER_DOMAIN, PRODUCT), equalTo(Optional.of(DEAL_ID)));
    }

    @Test
    void anExpiryThatIsNotDueKeepsTheCustomerAndProductHeld() {
        deals.send(recordDeal().build());
        deals.send(approveDeal());
        deals.send(expireDeal(PROTECTED_UNTIL.minusSeconds(1)));

        RecordedDeal answer = deals.send(otherPartnersRegistration().build());

        assertThat(answer.status(), equalTo(DealStatus.REJECTED));
    }

    @Test
    void aRegistrationRejectedForAConflictHoldsNothing() {
        deals.send(recordDeal().build());
        deals.send(otherPartnersRegistration().build());
        deals.send(withdrawDeal());
        deals.partners.put("partner-hooli", PartnerStatus.ACTIVE);

        RecordedDeal answer = deals.send(
                recordDeal().dealId("deal-globex-3").partnerId("partner-hooli").build());

        assertThat(answer.status(), equalTo(DealStatus.PENDING_APPROVAL));
        assertThat(deals.openDealsOf(OTHER_PARTNER_ID), empty());
    }

    @Test
    void aStaleClaimOfAClosedDealIsTakenOver() {
        deals.send(recordDeal().build());
        deals.send(withdrawDeal());
        // a release lost to a crash after the withdrawal: the lookup still names the withdrawn deal
        String key = Deal.registrationKey(CUSTOMER_DOMAIN, PRODUCT);
        deals.claims.claim(DealCommandHandler.REGISTRATIONS, key, DEAL_ID, holder -> false);
        deals.claims.confirm(DealCommandHandler.REGISTRATIONS, key, DEAL_ID);

        RecordedDeal answer = deals.send(otherPartnersRegistration().build());

        assertThat(answer.status(), equalTo(DealStatus.PENDING_APPROVAL));
        assertThat(deals.registrationHolder(CUSTOMER_DOMAIN, PRODUCT), equalTo(Optional.of(OTHER_DEAL_ID)));
    }

    @Test
    void aRegistrationBeingRecordedRightNowIsRefusedAsInFlight() {
        // claimed but not (yet) stored: another command is between its claim and its append
        String key = Deal.registrationKey(CUSTOMER_DOMAIN, PRODUCT);
        deals.claims.claim(DealCommandHandler.REGISTRATIONS, key, DEAL_ID, holder -> false);

        assertThat(deals.refusalOf(otherPartnersRegistration().build()), refusedByRule("deal.registration.in-flight"));
        assertThat(deals.eventsOf(OTHER_DEAL_ID), empty());
    }

    @Test
    void aClaimWhoseRegistrationWasNeverStoredIsTakenOverAfterTheGracePeriod() {
        String key = Deal.registrationKey(CUSTOMER_DOMAIN, PRODUCT);
        deals.claims.claim(DealCommandHandler.REGISTRATIONS, key, DEAL_ID, holder -> false);
        deals.clock.advance(InMemoryDeals.IN_FLIGHT_GRACE.plusSeconds(1));

        RecordedDeal answer = deals.send(otherPartnersRegistration().build());

        assertThat(answer.status(), equalTo(DealStatus.PENDING_APPROVAL));
        assertThat(deals.registrationHolder(CUSTOMER_DOMAIN, PRODUCT), equalTo(Optional.of(OTHER_DEAL_ID)));
    }
}
