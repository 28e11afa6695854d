package io.sidecar.prm.command;

import io.sidecar.prm.command.deal.DealRules;
import io.sidecar.prm.command.support.RefusalInterceptor;
import io.sidecar.prm.events.PrmMetadata;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's wiring: audit metadata on every message, refusals that travel, typed rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DealRules.class)
public class CommandSideConfiguration {

    /**
     * Every message a handler sends (events, and later the commands of policies) carries the actor and the
     * correlation id of the message being handled, and names that message as its cause. Replaces Axon's default
     * {@code MessageOriginProvider}, whose {@code traceId} means the same as our {@code causationId}.
     */
    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return message -> {
            Map<String, Object> data = new HashMap<>();
            data.put(PrmMetadata.ACTOR, message.getMetaData().getOrDefault(PrmMetadata.ACTOR, PrmMetadata.ANONYMOUS));
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
}
