package io.sidecar.prm.standalone;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the standalone product keeps its data ({@code prm.*}; docs/configuration.md).
 *
 * @param dataDir  the data directory, made absolute at start ({@link DataDirectory}), default {@code ./data}
 * @param mongo    the read-model store
 * @param database the read models' database ({@code prm.projections.database}), default {@code prm}
 */
@ConfigurationProperties("prm")
record EmbeddedStoreProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue Mongo mongo,
        @DefaultValue Projections projections) {

    /**
     * The read-model store.
     *
     * @param uri      a real MongoDB instead of the embedded server; empty for the embedded server
     * @param embedded the embedded server
     */
    record Mongo(@DefaultValue("") String uri, @DefaultValue Embedded embedded) {}

    /**
     * The embedded MongoDB-wire server.
     *
     * @param host               the interface it listens on, default {@code 127.0.0.1}
     * @param port               its port, default 27018; 0 takes any free port
     * @param checkpointInterval how often what the projections wrote is persisted to the file, default 1 s: the
     *                           read-model progress a crash can lose (it is replayed from the events)
     */
    record Embedded(
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("27018") int port,
            @DefaultValue("1s") Duration checkpointInterval) {}

    /**
     * The part of the projections' settings the stores need.
     *
     * @param database the database of read models and tokens, default {@code prm}
     */
    record Projections(@DefaultValue("prm") String database) {}
}
