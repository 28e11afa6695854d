package io.sidecar.prm.query.app;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The query side on its own, for the distributed deployment: events from Axon Server, read models in MongoDB
 * (configuration in {@code query-side.yml}).
 */
@SpringBootApplication(scanBasePackages = {"io.sidecar.prm.query", "io.sidecar.prm.security"})
public class QuerySideApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=query-side")
                .run(args);
    }
}
