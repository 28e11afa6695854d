package io.sidecar.prm.command;

import io.sidecar.prm.command.deal.DealRules;
import io.sidecar.prm.command.support.RefusalInterceptor;
import io.sidecar.prm.events.PrmMetadata;
import io.sidecar.prm.events.upcasting.PrmEventUpcasters;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's wiring: audit metadata on every message, refusals that travel, typed rules, the upcasters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DealRules.class)
public class CommandSideConfiguration {

    /**
     * Every message a handler sends (events, and later the commands of policies) carries the actor (and a partner
     * user's partner) and the correlation id of the message being handled, and names that message as its cause.
     * Replaces Axon's default
     * {@code MessageOriginProvider}, whose {@code traceId} means the same as our {@code causationId}.
     */
    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return message -> {
            Map<String, Object> data = new HashMap<>();
            data.put(PrmMetadata.ACTOR, message.getMetaData().getOrDefault(PrmMetadata.ACTOR, PrmMetadata.ANONYMOUS));
            // a partner user's partner goes with its name; nobody else's messages carry one
            Object actorPartnerId = message.getMetaData().get(PrmMetadata.ACTOR_PARTNER_ID);
            if (actorPartnerId != null) {
                data.put(PrmMetadata.ACTOR_PARTNER_ID, actorPartnerId);
            }
            data.put(
                    PrmMetadata.CORRELATION_ID,
                    message.getMetaData().getOrDefault(PrmMetadata.CORRELATION_ID, message.getIdentifier()));
            // a policy's command names the event that triggered it: its events name that event too
            data.put(
                    PrmMetadata.CAUSATION_ID,
                    message instanceof CommandMessage<?>
                                    && message.getMetaData().containsKey(PrmMetadata.CAUSATION_ID)
                            ? message.getMetaData().get(PrmMetadata.CAUSATION_ID)
                            : message.getIdentifier());
            return data;
        };
    }

    @Bean
    RefusalInterceptor refusalInterceptor() {
        return new RefusalInterceptor();
    }

    /**
     * The upcasters of the published language: Axon's Spring Boot auto-configuration hands every
     * {@code EventUpcaster} bean to the event store, so every reader (aggregates, processors, rebuilds) sees events in
     * their current revision. Both sides declare it, for the distributed mode where each runs alone; in the
     * standalone application, where both configurations meet, the first registers it and the other steps back, so
     * the chain runs once (and under one bean name, a second one would fail the start rather than go unnoticed).
     */
    @Bean
    @ConditionalOnMissingBean
    PrmEventUpcasters prmEventUpcasters() {
        return new PrmEventUpcasters();
    }
}
