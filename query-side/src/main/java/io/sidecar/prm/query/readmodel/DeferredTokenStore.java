package io.sidecar.prm.query.readmodel;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;

/**
 * A token store that, inside a read-model batch, stores the processor's token only after the batch's documents
 * are written (Axon stores the token in the prepare-commit phase, before the handlers' writes would otherwise
 * happen). Every other call goes straight to the real store. Calls that write (claims included) announce
 * themselves to the store's {@link ReadModelDurability}.
 */
public class DeferredTokenStore implements TokenStore {

    private final TokenStore delegate;
    private final ReadModelDurability durability;

    public DeferredTokenStore(TokenStore delegate, ReadModelDurability durability) {
        this.delegate = delegate;
        this.durability = durability;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        Optional<ReadModelBatch> batch = ReadModelTransactionManager.currentBatch();
        if (batch.isPresent()) {
            batch.get().afterWrites(() -> write(() -> delegate.storeToken(token, processorName, segment)));
        } else {
            write(() -> delegate.storeToken(token, processorName, segment));
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        write(() -> delegate.initializeTokenSegments(processorName, segmentCount));
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        write(() -> delegate.initializeTokenSegments(processorName, segmentCount, initialToken));
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return delegate.requiresExplicitSegmentInitialization();
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return writing(() -> delegate.fetchToken(processorName, segment));
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return writing(() -> delegate.fetchToken(processorName, segment));
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        write(() -> delegate.extendClaim(processorName, segment));
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        write(() -> delegate.releaseClaim(processorName, segment));
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment)
            throws UnableToClaimTokenException {
        write(() -> delegate.initializeSegment(token, processorName, segment));
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        write(() -> delegate.deleteToken(processorName, segment));
    }

    private void write(Runnable call) {
        durability.write(call);
    }

    /** A claim is a write: fetching a token claims it. */
    private <T> T writing(Supplier<T> call) {
        AtomicReference<T> result = new AtomicReference<>();
        durability.write(() -> result.set(call.get()));
        return result.get();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return delegate.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return delegate.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return delegate.retrieveStorageIdentifier();
    }
}
