package io.sidecar.prm.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB wire-protocol server (mongo-java-server, H2 file backend) that holds the read models and
 * tokens in embedded mode. Any MongoDB client can connect to it at {@link #connectionString()}.
 */
public class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    /**
     * Reported to clients as MongoDB 5.0 at wire version 13: mongo-java-server's own 5.0 says wire version 8, which
     * mongosh 2.x (Node driver 6) refuses to talk to. The Java driver works with either.
     */
    private static final MongoVersion REPORTED_VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(5, 0, 0);
        }

        @Override
        public int getWireVersion() {
            return 13;
        }
    };

    private final MongoServer server;
    private final String connectionString;

    public EmbeddedMongo(Path file, String host, int port) {
        H2Backend backend = new H2Backend(file.toString());
        backend.version(REPORTED_VERSION);
        server = new MongoServer(backend);
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
        log.info("Embedded MongoDB (read models) at {} , data in {}", connectionString, file);
    }

    public String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
