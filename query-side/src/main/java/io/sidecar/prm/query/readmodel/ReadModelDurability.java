package io.sidecar.prm.query.readmodel;

/**
 * How the store under the read models makes writes durable. A real MongoDB makes each acknowledged write durable
 * on its own ({@link #IMMEDIATE}). The embedded server persists its in-memory state at checkpoints; it must never
 * persist a batch's documents without their token, or half of one document's write, so the writes announce
 * themselves ({@link #write}) and a checkpoint is taken only between them.
 */
public interface ReadModelDurability {

    /** Each acknowledged write is durable by itself: nothing to coordinate. */
    ReadModelDurability IMMEDIATE = new ReadModelDurability() {
        @Override
        public void write(Runnable writes) {
            writes.run();
        }

        @Override
        public void checkpoint() {
            // nothing to do
        }
    };

    /** Runs writes to the read-model store; no checkpoint is taken while they run. */
    void write(Runnable writes);

    /** A consistent point: everything written so far may be persisted, now or at the store's next checkpoint. */
    void checkpoint();
}
