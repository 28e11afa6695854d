package io.sidecar.prm.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code prm.data-dir} (default {@code ./data}) to an absolute directory, creates it, and points the
 * embedded event store at it: H2 wants an absolute file path.
 */
public class DataDirectory implements EnvironmentPostProcessor {

    static final String PROPERTY = "prm.data-dir";
    static final String EVENT_STORE_FILE = "events";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dir = Path.of(environment.getProperty(PROPERTY, "./data"))
                .toAbsolutePath()
                .normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        Map<String, Object> resolved = new HashMap<>();
        resolved.put(PROPERTY, dir.toString());
        // WRITE_DELAY=0: every commit is written before the command is acknowledged (a kill -9 loses nothing);
        // DB_CLOSE_ON_EXIT=FALSE: Spring closes the pool after a graceful shutdown, not H2's own shutdown hook
        // while commands are still being answered
        resolved.put(
                "prm.event-store.url",
                "jdbc:h2:file:" + dir.resolve(EVENT_STORE_FILE) + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        environment.getPropertySources().addFirst(new MapPropertySource("prmDataDirectory", resolved));
    }
}
