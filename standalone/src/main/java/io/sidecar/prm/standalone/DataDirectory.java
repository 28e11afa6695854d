package io.sidecar.prm.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code prm.data-dir} (default {@code ./data}) to an absolute directory and creates it, before anything
 * reads it: H2 wants an absolute file path.
 */
public class DataDirectory implements EnvironmentPostProcessor {

    static final String PROPERTY = "prm.data-dir";

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
        Map<String, Object> resolved = Map.of(PROPERTY, dir.toString());
        environment.getPropertySources().addFirst(new MapPropertySource("prmDataDirectory", resolved));
    }
}
