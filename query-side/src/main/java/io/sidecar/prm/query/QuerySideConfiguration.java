package io.sidecar.prm.query;

import com.mongodb.client.MongoClient;
import io.sidecar.prm.events.upcasting.PrmEventUpcasters;
import io.sidecar.prm.query.partner.PartnerViewFold;
import io.sidecar.prm.query.readmodel.DeferredTokenStore;
import io.sidecar.prm.query.readmodel.PartnerSequencingPolicy;
import io.sidecar.prm.query.readmodel.ProjectionProperties;
import io.sidecar.prm.query.readmodel.ReadModelDurability;
import io.sidecar.prm.query.readmodel.ReadModelHealthIndicator;
import io.sidecar.prm.query.readmodel.ReadModelStore;
import io.sidecar.prm.query.readmodel.ReadModelTransactionManager;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import io.sidecar.prm.query.readmodel.ReportingProperties;
import io.sidecar.prm.query.web.QuerySideProperties;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * The query side's wiring: the token store next to the read models, pooled streaming processors that write one
 * bulk per batch and store their token after it, the upcasters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ProjectionProperties.class, QuerySideProperties.class, ReportingProperties.class})
public class QuerySideConfiguration {

    /** The processing groups that build read models. */
    public static final List<String> PROJECTIONS = List.of("partner-summary", "deals", "check-ins");
    /** Processing groups whose documents are keyed by partner, across the partner's and its deals' streams. */
    static final List<String> PARTNER_KEYED_GROUPS = List.of("partner-summary");

    /**
     * Axon's Mongo token store, wired by hand: the extension's Spring Boot starter is published only up to 4.10
     * and wants client sessions, which the embedded server does not offer. Tokens live in the same database (and
     * so, embedded, in the same file) as the read models they describe.
     */
    @Bean
    TokenStore tokenStore(
            MongoClient client,
            Serializer serializer,
            ProjectionProperties properties,
            ObjectProvider<ReadModelDurability> durability) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, properties.database())
                        .build())
                .serializer(serializer)
                .nodeId(
                        properties.nodeId().isBlank()
                                ? ManagementFactory.getRuntimeMXBean().getName()
                                : properties.nodeId());
        MongoTokenStore store = builder.build();
        store.ensureIndexes();
        return new DeferredTokenStore(store, durability.getIfAvailable(() -> ReadModelDurability.IMMEDIATE));
    }

    /** Replaces Spring Boot's MongoDB health indicator (by its bean name), see {@link ReadModelHealthIndicator}. */
    @Bean
    ReadModelHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new ReadModelHealthIndicator(mongo);
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

    @Bean
    ReadModelUpdates readModelUpdates() {
        return new ReadModelUpdates();
    }

    @Bean
    ReadModelStore readModelStore(
            MongoTemplate mongo, ObjectProvider<ReadModelDurability> durability, ReadModelUpdates updates) {
        return new ReadModelStore(mongo, durability.getIfAvailable(() -> ReadModelDurability.IMMEDIATE), updates);
    }

    @Bean
    PartnerViewFold partnerViewFold(ReportingProperties reporting) {
        return new PartnerViewFold(reporting.reportingCurrency());
    }

    /** Dates stored as BSON dates at UTC midnight (the driver's codecs), not in the JVM's time zone. */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(
                MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
    }

    /**
     * The projections' processors: pooled streaming, a bulk write per batch through their own
     * {@link ReadModelTransactionManager} (deliberately not a bean: Axon would take a bean of that type as the
     * transaction manager of everything, the event store included), and a handler error rolls the batch back to
     * be retried instead of being logged and skipped, which would leave the read model short of a rebuild.
     */
    @Bean
    ConfigurerModule projectionProcessors(
            ProjectionProperties properties,
            MongoTemplate mongo,
            ReadModelUpdates updates,
            ObjectProvider<ReadModelDurability> durability) {
        ReadModelTransactionManager transactions = new ReadModelTransactionManager(
                mongo, updates, durability.getIfAvailable(() -> ReadModelDurability.IMMEDIATE));
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing.usingPooledStreamingEventProcessors((config, builder) ->
                    builder.batchSize(properties.batchSize()).initialSegmentCount(properties.segments()));
            for (String group : PROJECTIONS) {
                transactions.writes(processing, group);
            }
            for (String group : PARTNER_KEYED_GROUPS) {
                processing.registerSequencingPolicy(group, config -> new PartnerSequencingPolicy());
            }
        };
    }
}
