package io.sidecar.prm.command.lookup;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The lookups' own connection pool. Deliberately not a {@code DataSource} bean: the application's data source
 * (standalone's event store) stays the only one Spring Boot and Axon see.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LookupProperties.class)
class LookupConfiguration {

    @Bean
    Claims claims(LookupProperties properties, Clock clock) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("lookups");
        pool.setJdbcUrl(properties.url());
        pool.setUsername(properties.username());
        pool.setPassword(properties.password());
        pool.setMaximumPoolSize(properties.poolSize());
        return new Claims(pool, clock, properties.inFlightGrace());
    }
}
