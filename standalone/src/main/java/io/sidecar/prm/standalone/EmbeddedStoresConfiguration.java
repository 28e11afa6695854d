package io.sidecar.prm.standalone;

import com.zaxxer.hikari.HikariDataSource;
import io.sidecar.prm.query.readmodel.ReadModelDurability;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode: the event store in an H2 file and the read models in an embedded MongoDB-wire server, both under
 * {@code prm.data-dir}. A real MongoDB replaces the embedded server when {@code prm.mongo.uri} is set.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedStoresConfiguration {

    /** The event store's database: an H2 file, written through on every commit. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(@Value("${prm.event-store.url}") String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        dataSource.setPoolName("event-store");
        return dataSource;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${prm.mongo.uri:}'.isEmpty()")
    EmbeddedMongo embeddedMongo(
            @Value("${prm.data-dir}") String dataDir,
            @Value("${prm.mongo.embedded.host:127.0.0.1}") String host,
            @Value("${prm.mongo.embedded.port:27018}") int port) {
        return new EmbeddedMongo(Path.of(dataDir, "read-models.mv.db"), host, port);
    }

    @Bean
    @ConditionalOnExpression("'${prm.mongo.uri:}'.isEmpty()")
    ReadModelDurability embeddedMongoDurability(EmbeddedMongo mongo) {
        return mongo.durability();
    }

    @Bean
    @ConditionalOnExpression("'${prm.mongo.uri:}'.isEmpty()")
    MongoConnectionDetails embeddedMongoConnection(
            EmbeddedMongo mongo, @Value("${prm.projections.database:prm}") String database) {
        com.mongodb.ConnectionString uri = new com.mongodb.ConnectionString(mongo.connectionString() + "/" + database);
        return () -> uri;
    }

    @Bean
    @ConditionalOnExpression("!'${prm.mongo.uri:}'.isEmpty()")
    MongoConnectionDetails externalMongoConnection(@Value("${prm.mongo.uri}") String uri) {
        com.mongodb.ConnectionString connection = new com.mongodb.ConnectionString(uri);
        return () -> connection;
    }
}
