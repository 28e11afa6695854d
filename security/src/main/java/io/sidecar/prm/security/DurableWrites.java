package io.sidecar.prm.security;

import java.util.function.Supplier;

/**
 * How the security module's own writes (users, personal-data keys, idempotency records) become durable. They are not
 * read models: nothing rebuilds them from the event store, and a data key lost after its event was stored loses the
 * contact for good. A real MongoDB makes each acknowledged write durable by itself ({@link #IMMEDIATE}); the
 * embedded server of the standalone mode persists at checkpoints, so it supplies a bean that commits before
 * answering.
 */
public interface DurableWrites {

    /** Each acknowledged write is durable by itself. */
    DurableWrites IMMEDIATE = new DurableWrites() {
        @Override
        public <T> T run(Supplier<T> writes) {
            return writes.get();
        }
    };

    /** Runs {@code writes} and answers once what they wrote is durable. */
    <T> T run(Supplier<T> writes);

    /** {@link #run} for writes that answer nothing. */
    default void run(Runnable writes) {
        run(() -> {
            writes.run();
            return null;
        });
    }
}
