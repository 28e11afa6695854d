package io.sidecar.prm.security.idempotency;

import io.sidecar.prm.security.DurableWrites;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The keys in MongoDB ({@code idempotency_keys}). A key is claimed by inserting it on its unique id, so two requests
 * with one key cannot both run; the claim becomes the stored answer, or is released so that the client may retry.
 * Keys past their time to live are removed now and then, and taken over when used again before that.
 */
@Component
class IdempotencyKeys {

    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    private final DurableWrites durable;

    IdempotencyKeys(
            MongoTemplate mongo, Clock clock, IdempotencyProperties properties, ObjectProvider<DurableWrites> durable) {
        this.mongo = mongo;
        this.durable = durable.getIfAvailable(() -> DurableWrites.IMMEDIATE);
        this.clock = clock;
        this.ttl = properties.ttl();
    }

    Duration ttl() {
        return ttl;
    }

    /** Claims a key not in the store; answers the claim, or empty when the key is taken. */
    Optional<StoredKey> claim(String id, String fingerprint) {
        Instant now = now();
        purgeNowAndThen(now);
        StoredKey claim = StoredKey.claim(id, fingerprint, now);
        try {
            durable.run(() -> mongo.insert(claim));
            return Optional.of(claim);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    /** Takes over an expired or abandoned key, unless another request did so first. */
    Optional<StoredKey> takeOver(StoredKey expired, String fingerprint) {
        Instant now = now();
        Update claim = new Update()
                .set("fingerprint", fingerprint)
                .set("completed", false)
                .set("createdAt", now)
                .unset("status")
                .unset("contentType")
                .unset("location")
                .unset("body");
        boolean taken = durable.run(() ->
                        mongo.updateFirst(same(expired), claim, StoredKey.class).getModifiedCount())
                == 1;
        return taken ? Optional.of(StoredKey.claim(expired.id(), fingerprint, now)) : Optional.empty();
    }

    /** Now, as precise as the store keeps it, so that a claim is found again by its time. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    Optional<StoredKey> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StoredKey.class));
    }

    /** Stores the answer of the request that holds {@code claim}. */
    void complete(StoredKey claim, int status, String contentType, String location, String body) {
        Update answer = new Update()
                .set("completed", true)
                .set("status", status)
                .set("contentType", contentType)
                .set("location", location)
                .set("body", body);
        durable.run(() -> mongo.updateFirst(same(claim), answer, StoredKey.class));
    }

    /** Gives the key up: its request failed on our side, and the client may send it again. */
    void release(StoredKey claim) {
        mongo.remove(same(claim), StoredKey.class);
    }

    /** The key as it was read: the same id, claim time and state (another request may have taken it over since). */
    private static Query same(StoredKey key) {
        return Query.query(Criteria.where("_id")
                .is(key.id())
                .and("createdAt")
                .is(key.createdAt())
                .and("completed")
                .is(key.completed()));
    }

    private void purgeNowAndThen(Instant now) {
        Instant last = lastPurge.get();
        if (last.isAfter(now.minus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        mongo.remove(Query.query(Criteria.where("createdAt").lte(now.minus(ttl))), StoredKey.class);
    }
}
