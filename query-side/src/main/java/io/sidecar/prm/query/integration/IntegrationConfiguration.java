package io.sidecar.prm.query.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The integration events: their public mapping, the feed over the event store, and its live streams. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntegrationProperties.class)
public class IntegrationConfiguration {

    @Bean
    IntegrationEvents integrationEvents(ObjectMapper objectMapper) {
        return new IntegrationEvents(objectMapper);
    }

    /**
     * The feed reads Axon's event store, the one every processor reads (with the upcasters). Its cursors follow the
     * store's tokens: Axon Server's are one number, the embedded JDBC store's are gap-aware.
     */
    @Bean
    EventFeed eventFeed(
            EventStore eventStore,
            IntegrationEvents events,
            @Value("${axon.axonserver.enabled:true}") boolean axonServer) {
        return new EventFeed(eventStore, axonServer ? FeedCursors.GLOBAL_SEQUENCE : FeedCursors.GAP_AWARE, events);
    }

    @Bean
    EventStreams eventStreams(EventFeed feed, IntegrationProperties properties) {
        return new EventStreams(feed, properties);
    }
}
