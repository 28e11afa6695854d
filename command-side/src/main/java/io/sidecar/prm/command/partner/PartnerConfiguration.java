package io.sidecar.prm.command.partner;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The partner side's wiring: snapshots every {@code prm.partners.snapshot-threshold} events, so that a partner
 * with thousands of check-ins loads from its latest snapshot and the events after it; the erased keys' processor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PartnerRules.class, TierPolicyRules.class})
class PartnerConfiguration {

    /** The erased keys' processor retries a failed deletion instead of logging it and going on. */
    @Bean
    ConfigurerModule erasedContactKeysErrorHandling() {
        return configurer -> configurer
                .eventProcessing()
                .registerListenerInvocationErrorHandler(
                        ErasedContactKeys.NAME, config -> PropagatingErrorHandler.instance());
    }

    @Bean
    SnapshotTriggerDefinition partnerSnapshotTrigger(Snapshotter snapshotter, PartnerRules rules) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, rules.snapshotThreshold());
    }
}
