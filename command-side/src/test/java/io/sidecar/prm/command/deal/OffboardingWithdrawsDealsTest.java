package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.OTHER_DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.OTHER_PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.RECORDED_AT;
import static io.sidecar.prm.command.deal.DealTestData.approveDeal;
import static io.sidecar.prm.command.deal.DealTestData.dealRecorded;
import static io.sidecar.prm.command.deal.DealTestData.dealRules;
import static io.sidecar.prm.command.deal.DealTestData.dealWithdrawn;
import static io.sidecar.prm.command.deal.DealTestData.lookupDatabase;
import static io.sidecar.prm.command.deal.DealTestData.partnerOffboarded;
import static io.sidecar.prm.command.deal.DealTestData.recordDeal;
import static io.sidecar.prm.command.deal.DealTestData.withdrawDeal;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.sidecar.prm.command.lookup.Claims;
import io.sidecar.prm.command.support.RecordingCommandGateway;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.events.partner.PartnerOffboarded;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Policy: an offboarded partner's open deals are withdrawn, each withdrawal naming the offboarding as its cause.
 * The policy finds the open deals in the claims ({@code open-deal}, keys {@code partnerId/dealId}).
 */
class OffboardingWithdrawsDealsTest {

    private static final String ACTOR = "manager:jane.doe";
    private static final String CORRELATION_ID = "request-42";

    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private Claims claims;
    private OffboardingWithdrawsDeals policy;

    @BeforeEach
    void setUp() {
        claims = new Claims(lookupDatabase(), Clock.fixed(RECORDED_AT, ZoneOffset.UTC), Duration.ofSeconds(30));
        policy = new OffboardingWithdrawsDeals(claims, commands);
    }

    /** Seeds an open registration of the partner, as a recorded deal leaves it in the claims. */
    private void openDeal(String partnerId, String dealId) {
        String key = partnerId + "/" + dealId;
        claims.claim(DealCommandHandler.OPEN_DEALS, key, dealId, holder -> false);
        claims.confirm(DealCommandHandler.OPEN_DEALS, key, dealId);
    }

    /** The offboarding as delivered to the policy, sent by {@link #ACTOR} in request {@link #CORRELATION_ID}. */
    private static EventMessage<PartnerOffboarded> offboarding(String partnerId) {
        return GenericEventMessage.<PartnerOffboarded>asEventMessage(partnerOffboarded(partnerId))
                .andMetaData(Map.of(PrmMetadata.ACTOR, ACTOR, PrmMetadata.CORRELATION_ID, CORRELATION_ID));
    }

    private void deliver(EventMessage<PartnerOffboarded> message) {
        policy.on(message.getPayload(), message);
    }

    @Test
    void everyOpenRegistrationOfTheOffboardedPartnerIsWithdrawn() {
        openDeal(PARTNER_ID, "deal-1");
        openDeal(PARTNER_ID, "deal-2");

        deliver(offboarding(PARTNER_ID));

        assertThat(commands.payloads(), containsInAnyOrder(withdrawDeal("deal-1"), withdrawDeal("deal-2")));
    }

    @Test
    void otherPartnersRegistrationsAreLeftAlone() {
        openDeal(PARTNER_ID, "deal-1");
        openDeal(OTHER_PARTNER_ID, "deal-3");
        openDeal(PARTNER_ID + "-eu", "deal-4"); // an id that starts like the offboarded partner's

        deliver(offboarding(PARTNER_ID));

        assertThat(commands.payloads(), contains(withdrawDeal("deal-1")));
    }

    @Test
    void eachWithdrawalNamesTheOffboardingAsItsCauseAndKeepsItsActorAndCorrelation() {
        openDeal(PARTNER_ID, "deal-1");
        openDeal(PARTNER_ID, "deal-2");
        EventMessage<PartnerOffboarded> offboarding = offboarding(PARTNER_ID);

        deliver(offboarding);

        assertThat(commands.sent(), hasSize(2));
        for (CommandMessage<?> withdrawal : commands.sent()) {
            assertThat(
                    withdrawal.getMetaData(),
                    equalTo(Map.of(
                            PrmMetadata.CAUSATION_ID, offboarding.getIdentifier(),
                            PrmMetadata.ACTOR, ACTOR,
                            PrmMetadata.CORRELATION_ID, CORRELATION_ID)));
        }
    }

    @Test
    void anOffboardingWithoutRequestMetadataIsAnonymousAndStartsItsOwnCorrelation() {
        openDeal(PARTNER_ID, "deal-1");
        EventMessage<PartnerOffboarded> offboarding = GenericEventMessage.asEventMessage(partnerOffboarded(PARTNER_ID));

        deliver(offboarding);

        assertThat(
                commands.sent().get(0).getMetaData(),
                equalTo(Map.of(
                        PrmMetadata.CAUSATION_ID, offboarding.getIdentifier(),
                        PrmMetadata.ACTOR, PrmMetadata.ANONYMOUS,
                        PrmMetadata.CORRELATION_ID, offboarding.getIdentifier())));
    }

    @Test
    void aPartnerWithoutOpenRegistrationsCausesNoCommand() {
        openDeal(OTHER_PARTNER_ID, "deal-3");

        deliver(offboarding(PARTNER_ID));

        assertThat(commands.sent(), empty());
    }

    @Test
    void theWithdrawalsReachTheDealsAndOnlyTheOpenOnes() {
        try (InMemoryDeals deals = new InMemoryDeals(dealRules())) {
            deals.send(recordDeal().build());
            deals.send(recordDeal()
                    .dealId(OTHER_DEAL_ID)
                    .customerDomain("initrode.example")
                    .build());
            deals.send(approveDeal());
            deals.send(recordDeal()
                    .dealId("deal-lost")
                    .customerDomain("hooli.example")
                    .build());
            deals.send(new DealCommands.ApproveDealCommand("deal-lost", DealTestData.APPROVED_AT));
            deals.send(new DealCommands.LoseDealCommand("deal-lost", "lost", DealTestData.LOST_AT));
            deals.send(recordDeal()
                    .dealId("deal-initech")
                    .partnerId(OTHER_PARTNER_ID)
                    .customerDomain("umbrella.example")
                    .build());
            OffboardingWithdrawsDeals wired = new OffboardingWithdrawsDeals(deals.claims, deals.gateway);

            EventMessage<PartnerOffboarded> offboarding = offboarding(PARTNER_ID);
            wired.on(offboarding.getPayload(), offboarding);

            assertThat(lastEventOf(deals, DEAL_ID), equalTo(dealWithdrawn()));
            assertThat(lastEventOf(deals, OTHER_DEAL_ID), equalTo(dealWithdrawn(OTHER_DEAL_ID)));
            assertThat(deals.eventsOf("deal-lost"), hasSize(3));
            assertThat(deals.eventsOf("deal-initech"), hasSize(1));
            assertThat(deals.openDealsOf(PARTNER_ID), empty());
            assertThat(deals.openDealsOf(OTHER_PARTNER_ID), contains("deal-initech"));
        }
    }

    @Test
    void aReplayedOffboardingChangesNothingMore() {
        try (InMemoryDeals deals = new InMemoryDeals(dealRules())) {
            deals.send(recordDeal().build());
            OffboardingWithdrawsDeals wired = new OffboardingWithdrawsDeals(deals.claims, deals.gateway);
            EventMessage<PartnerOffboarded> offboarding = offboarding(PARTNER_ID);

            wired.on(offboarding.getPayload(), offboarding);
            wired.on(offboarding.getPayload(), offboarding);

            assertThat(deals.eventsOf(DEAL_ID), contains(dealRecorded(), dealWithdrawn()));
        }
    }

    private static Object lastEventOf(InMemoryDeals deals, String dealId) {
        List<Object> events = deals.eventsOf(dealId);
        return events.get(events.size() - 1);
    }
}
