package io.sidecar.prm.command.deal;

import static io.sidecar.prm.command.deal.DealTestData.AMOUNT;
import static io.sidecar.prm.command.deal.DealTestData.APPROVED_AT;
import static io.sidecar.prm.command.deal.DealTestData.DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.OTHER_DEAL_ID;
import static io.sidecar.prm.command.deal.DealTestData.OTHER_PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.PARTNER_ID;
import static io.sidecar.prm.command.deal.DealTestData.RECORDING_DAY;
import static io.sidecar.prm.command.deal.DealTestData.REPORTING_CURRENCY;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealWon;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.junit.jupiter.api.Test;

/**
 * The policies handle one partner's events in one segment, in order, whichever deal they are about: two segments
 * promoting one partner at once would each hold its lock until their batch ends, and could wait for each other.
 */
class PolicySequencingTest {

    private final SequencingPolicy<? super EventMessage<?>> tierPromotion = sequencingOf("tier-promotion");

    @Test
    void winsOfOnePartnersDealsShareASequence() {
        assertThat(sequenceOf(won(DEAL_ID, PARTNER_ID)), equalTo(sequenceOf(won(OTHER_DEAL_ID, PARTNER_ID))));
    }

    @Test
    void winsOfTwoPartnersMayGoSideBySide() {
        assertThat(
                sequenceOf(won(DEAL_ID, PARTNER_ID)), not(equalTo(sequenceOf(won(OTHER_DEAL_ID, OTHER_PARTNER_ID)))));
    }

    private Object sequenceOf(DealWon won) {
        return tierPromotion.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(won));
    }

    private static DealWon won(String dealId, String partnerId) {
        return new DealWon(dealId, partnerId, new Money(AMOUNT, REPORTING_CURRENCY), RECORDING_DAY, APPROVED_AT);
    }

    private static SequencingPolicy<? super EventMessage<?>> sequencingOf(String policy) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        new DealConfiguration().policyErrorHandling().configureModule(configurer);
        return configurer.buildConfiguration().eventProcessingConfiguration().sequencingPolicy(policy);
    }
}
