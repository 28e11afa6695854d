package io.sidecar.prm.command.app;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side's event store on Axon Server, as Axon's auto-configuration builds it but for one thing: snapshots
 * are written and read with the event serializer, not the general one, so that the partner's snapshot holds its
 * contact data encrypted like its events do (docs/adr/012). The standalone application's JDBC engine does the same.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
class EventStoreConfiguration {

    @Bean
    EventStore eventStore(
            AxonServerConfiguration axonServer,
            org.axonframework.config.Configuration configuration,
            AxonServerConnectionManager connections,
            @Qualifier("eventSerializer") Serializer eventSerializer) {
        return AxonServerEventStore.builder()
                .messageMonitor(configuration.messageMonitor(AxonServerEventStore.class, "eventStore"))
                .configuration(axonServer)
                .platformConnectionManager(connections)
                .snapshotSerializer(eventSerializer)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .upcasterChain(configuration.upcasterChain())
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }
}
