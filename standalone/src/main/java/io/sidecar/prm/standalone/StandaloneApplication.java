package io.sidecar.prm.standalone;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Sidecar PRM in one process: the command side and the query side together, on the embedded stores under
 * {@code prm.data-dir}. The default way to run the product.
 */
@SpringBootApplication
@ComponentScan(
        basePackages = {
            "io.sidecar.prm.command",
            "io.sidecar.prm.query",
            "io.sidecar.prm.security",
            "io.sidecar.prm.standalone"
        },
        excludeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "io\\.sidecar\\.prm\\.(command|query)\\.app\\..*"))
public class StandaloneApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
