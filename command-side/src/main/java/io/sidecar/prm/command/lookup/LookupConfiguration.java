package io.sidecar.prm.command.lookup;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lookups: their database (with its own pool) and the claims table in it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LookupProperties.class)
class LookupConfiguration {

    @Bean
    LookupDatabase lookupDatabase(LookupProperties properties) {
        return new LookupDatabase(properties);
    }

    @Bean(destroyMethod = "")
    Claims claims(LookupDatabase database, LookupProperties properties, Clock clock) {
        return new Claims(database.dataSource(), clock, properties.inFlightGrace());
    }
}
