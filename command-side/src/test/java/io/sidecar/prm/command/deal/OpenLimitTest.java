package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.CUSTOMER_DOMAIN;
import static io.sidecar.prm.command.deal.DealTestData.OTHER_PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.PRODUCT;
import static io.sidecar.prm.command.deal.DealTestData.dealRules;
import static io.sidecar.prm.command.deal.DealTestData.recordDeal;
import static io.sidecar.prm.command.support.RefusalMatchers.refusedByRule;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.sidecar.prm.command.support.CommandResult;
import io.sidecar.prm.events.deal.DealStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The open-registration limit: a partner holds at most so many open (pending or approved) registrations. Tested on
 * {@link InMemoryDeals}: the limit counts the partner's other deals, which a fixture of one aggregate cannot hold.
 */
class OpenLimitTest {

    private static final int SMALL_LIMIT = 2;

    private InMemoryDeals deals;

    @AfterEach
    void tearDown() {
        deals.close();
    }

    /** The partner's {@code number}th registration, of a customer of its own. */
    private static RecordDealCommand registration(String partnerId, int number) {
        return recordDeal()
                .dealId(dealId(partnerId, number))
                .partnerId(partnerId)
                .customerDomain(partnerId + "-customer-" + number + ".example")
                .build();
    }

    private static String dealId(String partnerId, int number) {
        return partnerId + "-deal-" + number;
    }

    private void registerUpTo(String partnerId, int count) {
        IntStream.rangeClosed(1, count).forEach(number -> deals.send(registration(partnerId, number)));
    }

    @Test
    void theTwentySixthOpenRegistrationIsRefusedUnderTheDefaultLimit() {
        deals = new InMemoryDeals(dealRules());
        registerUpTo(PARTNER_ID, 25);

        assertThat(deals.refusalOf(registration(PARTNER_ID, 26)), refusedByRule("deal.open-limit"));
        assertThat(deals.eventsOf(dealId(PARTNER_ID, 26)), empty());
        assertThat(deals.openDealsOf(PARTNER_ID), hasSize(25));
    }

    @Test
    void theTwentyFifthOpenRegistrationIsAccepted() {
        deals = new InMemoryDeals(dealRules());
        registerUpTo(PARTNER_ID, 24);

        RecordedDeal answer = deals.send(registration(PARTNER_ID, 25));

        assertThat(answer.status(), equalTo(DealStatus.PENDING_APPROVAL));
        assertThat(deals.openDealsOf(PARTNER_ID), hasSize(25));
    }

    @Test
    void aRegistrationOverAConfiguredLimitIsRefusedAndRecordsNothing() {
        deals = new InMemoryDeals(dealRules(SMALL_LIMIT));
        registerUpTo(PARTNER_ID, SMALL_LIMIT);

        assertThat(deals.refusalOf(registration(PARTNER_ID, 3)), refusedByRule("deal.open-limit"));
        assertThat(deals.eventsOf(dealId(PARTNER_ID, 3)), empty());
        assertThat(deals.openDealsOf(PARTNER_ID), containsInAnyOrder(dealId(PARTNER_ID, 1), dealId(PARTNER_ID, 2)));
    }

    @Test
    void aRegistrationRefusedForTheLimitLeavesItsCustomerAndProductFree() {
        deals = new InMemoryDeals(dealRules(SMALL_LIMIT));
        registerUpTo(PARTNER_ID, SMALL_LIMIT);
        deals.refusalOf(recordDeal().dealId("deal-over-the-limit").build());

        RecordedDeal answer = deals.send(
                recordDeal().dealId("deal-initech").partnerId(OTHER_PARTNER_ID).build());

        assertThat(
                answer,
                equalTo(new RecordedDeal(new CommandResult("deal-initech", 1), DealStatus.PENDING_APPROVAL, null)));
        assertThat(deals.registrationHolder(CUSTOMER_DOMAIN, PRODUCT), equalTo(Optional.of("deal-initech")));
    }

    @Test
    void theLimitIsPerPartner() {
        deals = new InMemoryDeals(dealRules(SMALL_LIMIT));
        registerUpTo(PARTNER_ID, SMALL_LIMIT);

        RecordedDeal answer = deals.send(registration(OTHER_PARTNER_ID, 1));

        assertThat(answer.status(), equalTo(DealStatus.PENDING_APPROVAL));
    }

    @Test
    void aClosedRegistrationFreesItsPlace() {
        deals = new InMemoryDeals(dealRules(SMALL_LIMIT));
        registerUpTo(PARTNER_ID, SMALL_LIMIT);
        deals.send(new DealCommands.WithdrawDealCommand(
                dealId(PARTNER_ID, 1), PARTNER_ID, "the customer went away", Instant.parse("2025-03-12T10:00:00Z")));

        RecordedDeal answer = deals.send(registration(PARTNER_ID, 3));

        assertThat(answer.status(), equalTo(DealStatus.PENDING_APPROVAL));
        assertThat(deals.openDealsOf(PARTNER_ID), containsInAnyOrder(dealId(PARTNER_ID, 2), dealId(PARTNER_ID, 3)));
    }

    @Test
    void aRegistrationRejectedForAConflictTakesNoPlace() {
        deals = new InMemoryDeals(dealRules(SMALL_LIMIT));
        deals.send(recordDeal().build());
        deals.send(recordDeal()
                .dealId("deal-initech-conflicting")
                .partnerId(OTHER_PARTNER_ID)
                .build());
        deals.send(registration(OTHER_PARTNER_ID, 1));

        RecordedDeal answer = deals.send(registration(OTHER_PARTNER_ID, 2));

        assertThat(answer.status(), equalTo(DealStatus.PENDING_APPROVAL));
        assertThat(
                deals.openDealsOf(OTHER_PARTNER_ID),
                containsInAnyOrder(dealId(OTHER_PARTNER_ID, 1), dealId(OTHER_PARTNER_ID, 2)));
    }
}
