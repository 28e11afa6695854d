package io.sidecar.prm.query.audit;

import io.sidecar.prm.query.readmodel.ProjectionProperties;
import io.sidecar.prm.query.readmodel.ReadModelDurability;
import io.sidecar.prm.query.readmodel.ReadModelTransactionManager;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit log's wiring: its processor reads {@link StoredEvents} (the store without upcasters) in one segment, and
 * writes its batches like the projections do.
 */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    ConfigurerModule auditLogProcessor(
            StoredEvents events,
            ProjectionProperties properties,
            MongoTemplate mongo,
            ReadModelUpdates updates,
            ObjectProvider<ReadModelDurability> durability) {
        ReadModelTransactionManager transactions = new ReadModelTransactionManager(
                mongo, updates, durability.getIfAvailable(() -> ReadModelDurability.IMMEDIATE));
        return configurer -> transactions.writes(
                configurer
                        .eventProcessing()
                        .registerPooledStreamingEventProcessor(
                                AuditLogProjection.NAME,
                                config -> events.source(),
                                (config, builder) ->
                                        builder.initialSegmentCount(1).batchSize(properties.batchSize())),
                AuditLogProjection.NAME);
    }

    /** Distributed mode: the store as stored, read from Axon Server (standalone brings its own, over JDBC). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
    StoredEvents axonServerStoredEvents(
            AxonServerConfiguration axonServer,
            AxonServerConnectionManager connections,
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ObjectProvider<org.axonframework.config.Configuration> axon) {
        AxonServerEventStore store = AxonServerEventStore.builder()
                .configuration(axonServer)
                .platformConnectionManager(connections)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(NoOpEventUpcaster.INSTANCE)
                .build();
        return new StoredEvents(
                store, eventSerializer, () -> axon.getObject().upcasterChain(), StoredEvents::tokenPosition);
    }
}
