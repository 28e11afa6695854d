package io.sidecar.prm.command.app;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The command side on its own, for the distributed deployment: events stored in and commands routed by Axon
 * Server (configuration in {@code command-side.yml}).
 */
@SpringBootApplication(scanBasePackages = "io.sidecar.prm.command")
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
