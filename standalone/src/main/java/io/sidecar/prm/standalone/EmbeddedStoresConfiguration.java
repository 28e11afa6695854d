package io.sidecar.prm.standalone;

import com.mongodb.ConnectionString;
import com.zaxxer.hikari.HikariDataSource;
import io.sidecar.prm.query.audit.StoredEvents;
import io.sidecar.prm.query.readmodel.ReadModelDurability;
import io.sidecar.prm.security.DurableWrites;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Embedded mode: the event store in an H2 file and the read models in an embedded MongoDB-wire server, both under
 * {@code prm.data-dir}. A real MongoDB replaces the embedded server when {@code prm.mongo.uri} is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedStoreProperties.class)
class EmbeddedStoresConfiguration {

    static final String EVENT_STORE_FILE = "events";
    static final String READ_MODEL_FILE = "read-models.mv.db";

    /**
     * The event store's database: an H2 file. {@code WRITE_DELAY=0}: every commit is written before the command is
     * acknowledged (a kill -9 loses nothing); {@code DB_CLOSE_ON_EXIT=FALSE}: Spring closes the pool after a
     * graceful shutdown, not H2's own shutdown hook while commands are still being answered.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedStoreProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:file:" + Path.of(properties.dataDir()).resolve(EVENT_STORE_FILE)
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        dataSource.setPoolName("event-store");
        return dataSource;
    }

    /** The event tables' names and columns, Axon's defaults (declared here because the engine below is). */
    @Bean
    EventSchema eventSchema() {
        return new EventSchema();
    }

    /**
     * The event store's engine, as Axon's JDBC auto-configuration builds it but for one thing: snapshots are written
     * with the event serializer, not the general one, so that the partner's snapshot holds its contact data
     * encrypted like its events do (docs/adr/012).
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /**
     * The event store as stored, for the audit log: a second JDBC engine over the same table, without upcasters
     * (see {@link StoredEvents}). Events appended through Axon's store do not wake its reader, so it polls: every
     * {@code prm.audit.poll-interval} while it has caught up. An event's position is read from its row: the
     * gap-aware token of an event committed late names the highest position seen, not the event's.
     */
    @Bean(destroyMethod = "close")
    StoredEvents storedEvents(
            ConnectionProvider connections,
            DataSource dataSource,
            TransactionManager transactions,
            EventSchema schema,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ObjectProvider<org.axonframework.config.Configuration> axon,
            @Value("${prm.audit.poll-interval:100ms}") Duration pollInterval) {
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .snapshotSerializer(eventSerializer)
                .eventSerializer(eventSerializer)
                .build();
        EmbeddedEventStore store = EmbeddedEventStore.builder()
                .storageEngine(engine)
                .fetchDelay(pollInterval.toMillis())
                .build();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String positionOf = "SELECT " + schema.globalIndexColumn() + " FROM " + schema.domainEventTable() + " WHERE "
                + schema.eventIdentifierColumn() + " = ?";
        return new StoredEvents(
                store,
                eventSerializer,
                () -> axon.getObject().upcasterChain(),
                message -> jdbc.queryForObject(positionOf, Long.class, message.getIdentifier()));
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${prm.mongo.uri:}'.isEmpty()")
    EmbeddedMongo embeddedMongo(EmbeddedStoreProperties properties) {
        EmbeddedStoreProperties.Embedded embedded = properties.mongo().embedded();
        return new EmbeddedMongo(
                Path.of(properties.dataDir(), READ_MODEL_FILE),
                embedded.host(),
                embedded.port(),
                embedded.checkpointInterval());
    }

    @Bean
    @ConditionalOnExpression("'${prm.mongo.uri:}'.isEmpty()")
    ReadModelDurability embeddedMongoDurability(EmbeddedMongo mongo) {
        return mongo.durability();
    }

    @Bean
    @ConditionalOnExpression("'${prm.mongo.uri:}'.isEmpty()")
    DurableWrites embeddedMongoSecurityWrites(EmbeddedMongo mongo) {
        return mongo.securityWrites();
    }

    @Bean
    @ConditionalOnExpression("'${prm.mongo.uri:}'.isEmpty()")
    MongoConnectionDetails embeddedMongoConnection(EmbeddedMongo mongo, EmbeddedStoreProperties properties) {
        ConnectionString uri = new ConnectionString(
                mongo.connectionString() + "/" + properties.projections().database());
        return () -> uri;
    }

    @Bean
    @ConditionalOnExpression("!'${prm.mongo.uri:}'.isEmpty()")
    MongoConnectionDetails externalMongoConnection(EmbeddedStoreProperties properties) {
        ConnectionString uri = new ConnectionString(properties.mongo().uri());
        return () -> uri;
    }
}
