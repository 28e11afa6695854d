package io.sidecar.prm.command.app;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The command side on its own, for the distributed deployment: events stored in and commands routed by Axon
 * Server (configuration in {@code command-side.yml}).
 */
// no DataSource of Spring Boot's making: Axon would take it for its token and saga stores; the lookups have their own
@SpringBootApplication(
        scanBasePackages = {"io.sidecar.prm.command", "io.sidecar.prm.security"},
        exclude = DataSourceAutoConfiguration.class)
public class CommandSideApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=command-side")
                .run(args);
    }
}
