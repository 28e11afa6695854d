package io.sidecar.prm.command.deal;

import io.sidecar.prm.command.lookup.LookupDatabase;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Deal registration's wiring: its lookups beside the claims, the expiry sweep's schedule, and policies that
 * retry a failed event instead of logging and skipping it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DealConfiguration {

    /** The command side's policies: each an event processor that sends commands. */
    static final String[] POLICIES = {OffboardingWithdrawsDeals.NAME, "tier-promotion"};

    private static final SequencingPolicy<EventMessage<?>> BY_PARTNER = event ->
            event.getPayload() instanceof PartnerEvent partnerEvent ? partnerEvent.partnerId() : event.getIdentifier();

    @Bean
    DealProtections dealProtections(LookupDatabase database, Clock clock) {
        return new DealProtections(database.dataSource(), clock);
    }

    @Bean
    WonDeals wonDeals(LookupDatabase database) {
        return new WonDeals(database.dataSource());
    }

    @Bean
    ConfigurerModule policyErrorHandling() {
        return configurer -> {
            for (String policy : POLICIES) {
                // one partner's events in one segment, in order: two segments promoting the same partner would
                // each hold its lock until their batch ends, and could wait for each other
                configurer
                        .eventProcessing()
                        .registerListenerInvocationErrorHandler(policy, config -> PropagatingErrorHandler.instance())
                        .registerSequencingPolicy(policy, config -> BY_PARTNER);
            }
        };
    }
}
