package io.sidecar.prm.query.integration.webhook;

import io.sidecar.prm.query.readmodel.ReadModelDurability;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Subscriptions and deliveries in the read-model store (MongoDB). Every write that moves a subscription on goes
 * through the store's durability, so the embedded store never persists half of one step.
 */
class WebhookStore {

    private final MongoTemplate mongo;
    private final ReadModelDurability durability;

    WebhookStore(MongoTemplate mongo, ReadModelDurability durability) {
        this.mongo = mongo;
        this.durability = durability;
    }

    void create(WebhookSubscription subscription) {
        write(() -> mongo.insert(subscription));
    }

    Optional<WebhookSubscription> subscription(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookSubscription.class));
    }

    List<WebhookSubscription> subscriptions() {
        return mongo.find(new Query().with(Sort.by("createdAt", "_id")), WebhookSubscription.class);
    }

    /** Removes a subscription and its deliveries; false if there was none. */
    boolean delete(String id) {
        boolean[] deleted = new boolean[1];
        write(() -> {
            deleted[0] = mongo.remove(Query.query(Criteria.where("_id").is(id)), WebhookSubscription.class)
                            .getDeletedCount()
                    > 0;
            mongo.remove(Query.query(Criteria.where("subscriptionId").is(id)), WebhookDelivery.class);
        });
        return deleted[0];
    }

    Optional<WebhookDelivery> delivery(String subscriptionId, String eventId) {
        return Optional.ofNullable(mongo.findById(WebhookDelivery.key(subscriptionId, eventId), WebhookDelivery.class));
    }

    /** A subscription's deliveries, newest event first. */
    List<WebhookDelivery> deliveries(String subscriptionId, WebhookDelivery.DeliveryStatus status, int limit) {
        Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(
                Query.query(criteria)
                        .with(Sort.by(Sort.Direction.DESC, "sequence"))
                        .limit(limit),
                WebhookDelivery.class);
    }

    /**
     * A new delivery in flight: the subscription points at it first (a restart before the delivery's own record reads
     * the event again), then its record. False, and nothing written, when the subscription is gone.
     */
    boolean start(WebhookDelivery delivery) {
        boolean[] started = new boolean[1];
        write(() -> {
            started[0] = update(
                    delivery.subscriptionId(),
                    new Update()
                            .set("current", delivery.eventId())
                            .set("cursor", delivery.before())
                            .unset("nextAttemptAt"));
            if (started[0]) {
                mongo.save(delivery);
            }
        });
        return started[0];
    }

    /** The subscription read past events it does not receive. */
    void skip(String subscriptionId, String cursor) {
        write(() -> update(subscriptionId, new Update().set("cursor", cursor)));
    }

    /**
     * An attempt of the delivery in flight, recorded before the subscription moves past its event (a restart in
     * between finds the record done and moves on without sending it again).
     */
    void attempted(WebhookDelivery delivery) {
        Update update = delivery.done()
                ? new Update().set("cursor", delivery.after()).unset("current").unset("nextAttemptAt")
                : new Update().set("nextAttemptAt", delivery.nextAttemptAt());
        saveWith(delivery, update);
    }

    /** An attempt of a delivery asked to be sent again; when it is done, it leaves the queue of re-sends. */
    void resendAttempted(WebhookDelivery delivery) {
        Update update = delivery.done()
                ? new Update().pull("resend", delivery.eventId())
                : new Update().set("nextAttemptAt", delivery.nextAttemptAt());
        saveWith(delivery, update);
    }

    /** The delivery's record, then its subscription's; a record whose subscription was deleted meanwhile goes. */
    private void saveWith(WebhookDelivery delivery, Update update) {
        write(() -> {
            mongo.save(delivery);
            if (!update(delivery.subscriptionId(), update)) {
                mongo.remove(Query.query(Criteria.where("_id").is(delivery.key())), WebhookDelivery.class);
            }
        });
    }

    /** A delivery in flight whose record is done already (a restart between the two writes): move past it. */
    void finishCurrent(String subscriptionId, String cursor) {
        write(() -> update(
                subscriptionId,
                new Update().set("cursor", cursor).unset("current").unset("nextAttemptAt")));
    }

    /** Nothing is due before then (a delivery waits for its retry). */
    void waitUntil(String subscriptionId, Instant at) {
        write(() -> update(subscriptionId, new Update().set("nextAttemptAt", at)));
    }

    /** Forgets a re-send that is no longer pending. */
    void dropResend(String subscriptionId, String eventId) {
        write(() -> update(subscriptionId, new Update().pull("resend", eventId)));
    }

    /** Queues a delivery to be sent again, first thing. */
    void resend(WebhookDelivery delivery, Instant at) {
        write(() -> {
            mongo.save(delivery.resent(at));
            update(
                    delivery.subscriptionId(),
                    new Update().addToSet("resend", delivery.eventId()).unset("nextAttemptAt"));
        });
    }

    /** Whether a subscription of that id was there to update. */
    private boolean update(String subscriptionId, Update update) {
        return mongo.updateFirst(
                                Query.query(Criteria.where("_id").is(subscriptionId)),
                                update,
                                WebhookSubscription.class)
                        .getMatchedCount()
                > 0;
    }

    /**
     * Writes, then marks a consistent point: the embedded store persists what was written at its next checkpoint
     * (within {@code prm.mongo.embedded.checkpoint-interval}), never half of one step.
     */
    private void write(Runnable writes) {
        durability.write(writes);
        durability.checkpoint();
    }
}
