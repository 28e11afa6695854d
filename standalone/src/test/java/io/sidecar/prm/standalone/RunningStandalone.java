package io.sidecar.prm.standalone;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The standalone application started in the test's JVM on a random port and a given data directory, so that a
 * test can stop it and start it again on the same data.
 */
final class RunningStandalone implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningStandalone(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningStandalone start(Path dataDir, String... overrides) {
        return start(dataDir, (Clock) null, overrides);
    }

    /**
     * Starts the application with its {@link Clock} replaced by the test's (a primary bean beside the application's
     * own), so that the test decides what time it is for every command, policy and read.
     */
    static RunningStandalone start(Path dataDir, Clock clock, String... overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("prm.data-dir", dataDir.toString());
        properties.put("prm.mongo.embedded.port", "0");
        properties.put("prm.security.admin-password", PrmClient.ADMIN_PASSWORD);
        for (String override : overrides) {
            String[] keyAndValue = override.split("=", 2);
            properties.put(keyAndValue[0], keyAndValue[1]);
        }
        // as command-line arguments: they outrank application.yml, as they would for a person starting the jar
        SpringApplicationBuilder application = new SpringApplicationBuilder(StandaloneApplication.class);
        if (clock != null) {
            application.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean("testClock", Clock.class, () -> clock, bean -> bean.setPrimary(true)));
        }
        return new RunningStandalone(application.run(properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new)));
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    PrmClient client() {
        return new PrmClient(port());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The bean of that name, where several of one type exist. */
    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    <T> Map<String, T> beansOf(Class<T> type) {
        return context.getBeansOfType(type);
    }

    long storedEvents() {
        Long count = bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void close() {
        context.close();
    }
}
