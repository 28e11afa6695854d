package io.sidecar.prm.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.sidecar.prm.query.readmodel.ReadModelDurability;
import io.sidecar.prm.security.DurableWrites;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
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
    private final H2Backend backend;
    private final String connectionString;
    private final ReentrantReadWriteLock writesAndCheckpoints = new ReentrantReadWriteLock();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ScheduledExecutorService checkpointer;

    /**
     * Opens (or creates) the read-model file and serves it.
     *
     * @param checkpointInterval how often written state is persisted: at most once per interval, between writes
     */
    public EmbeddedMongo(Path file, String host, int port, Duration checkpointInterval) {
        // No background auto-commit: H2's MVStore would persist whatever is in memory at that moment, which can be
        // half of a document's write (its data and its _id index are separate maps) or a batch's token without its
        // documents. The state is persisted at checkpoints instead, taken between writes.
        // (autoCommitDisabled() alone leaves the buffer-size trigger on: a large catch-up would commit mid-batch)
        backend = new H2Backend(new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .open());
        backend.version(REPORTED_VERSION);
        server = new MongoServer(backend);
        server.bind(host, port);
        InetSocketAddress address = server.getLocalAddress();
        connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
        log.info("Embedded MongoDB (read models) at {} , data in {}", connectionString, file);
        // A commit per processor batch cost more than the batch itself (measured by bench/, issue 3): batches are
        // coalesced into one commit per interval. Tokens and documents still persist together, so a crash loses
        // at most an interval of read-model progress, which the processors replay idempotently.
        checkpointer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, checkpointInterval.toMillis());
        checkpointer.scheduleWithFixedDelay(this::commitIfDirty, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void commitIfDirty() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        writesAndCheckpoints.writeLock().lock();
        try {
            backend.commit();
        } catch (RuntimeException e) {
            dirty.set(true);
            log.warn("Checkpoint of the read models failed; retrying at the next interval", e);
        } finally {
            writesAndCheckpoints.writeLock().unlock();
        }
    }

    public String connectionString() {
        return connectionString;
    }

    /** The read models' durability on this server: writes announce themselves, checkpoints fall between them. */
    public ReadModelDurability durability() {
        return new ReadModelDurability() {
            @Override
            public void write(Runnable writes) {
                writesAndCheckpoints.readLock().lock();
                try {
                    writes.run();
                } finally {
                    writesAndCheckpoints.readLock().unlock();
                }
            }

            @Override
            public void checkpoint() {
                dirty.set(true);
            }
        };
    }

    /**
     * Durability for what is not rebuilt from events (users, personal-data keys, idempotency records): the writes run
     * between checkpoints, like the read models', and are committed at once, before the caller goes on.
     */
    public DurableWrites securityWrites() {
        return new DurableWrites() {
            @Override
            public <T> T run(Supplier<T> writes) {
                T result;
                writesAndCheckpoints.readLock().lock();
                try {
                    result = writes.get();
                } finally {
                    writesAndCheckpoints.readLock().unlock();
                }
                writesAndCheckpoints.writeLock().lock();
                try {
                    backend.commit();
                } finally {
                    writesAndCheckpoints.writeLock().unlock();
                }
                return result;
            }
        };
    }

    /** Whether a checkpoint is waiting for a write in progress to finish (for tests). */
    boolean checkpointWaiting() {
        return writesAndCheckpoints.hasQueuedThreads();
    }

    /** Stops the server; its backend persists what was written, between writes (processors have stopped). */
    @Override
    public void close() {
        checkpointer.shutdownNow();
        writesAndCheckpoints.writeLock().lock();
        try {
            server.shutdownNow();
        } finally {
            writesAndCheckpoints.writeLock().unlock();
        }
    }
}
