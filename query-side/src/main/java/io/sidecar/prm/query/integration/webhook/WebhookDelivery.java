package io.sidecar.prm.query.integration.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event sent (or being sent) to one subscription.
 *
 * @param key                {@code subscriptionId:eventId}
 * @param subscriptionId     the subscription
 * @param eventId            the event's id: also the delivery's id, the CloudEvent's and the {@code webhook-id}
 * @param type               the public event type
 * @param sequence           the event's global position
 * @param before             the feed cursor right before the event, to read it again for a retry
 * @param after              the feed cursor right after it, where the subscription goes on
 * @param status             pending, delivered or failed (parked)
 * @param attempts           attempts made since it was created or asked to be sent again
 * @param createdAt          when it was first found for the subscription
 * @param lastAttemptAt      when it was last tried
 * @param nextAttemptAt      when a pending one is tried next
 * @param lastError          what went wrong the last time, if it did
 * @param lastResponseStatus the receiver's last HTTP status, if it answered
 * @param deliveredAt        when the receiver accepted it
 */
@Document(WebhookDelivery.COLLECTION)
record WebhookDelivery(
        @Id String key,
        String subscriptionId,
        String eventId,
        String type,
        long sequence,
        String before,
        String after,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant nextAttemptAt,
        String lastError,
        Integer lastResponseStatus,
        Instant deliveredAt) {

    static final String COLLECTION = "webhook_deliveries";

    static String key(String subscriptionId, String eventId) {
        return subscriptionId + ":" + eventId;
    }

    boolean done() {
        return status != DeliveryStatus.PENDING;
    }

    WebhookDelivery attempted(Instant at, DeliveryStatus next, Instant retryAt, String error, Integer response) {
        return new WebhookDelivery(
                key,
                subscriptionId,
                eventId,
                type,
                sequence,
                before,
                after,
                next,
                attempts + 1,
                createdAt,
                at,
                retryAt,
                error,
                response,
                next == DeliveryStatus.DELIVERED ? at : deliveredAt);
    }

    WebhookDelivery resent(Instant at) {
        return new WebhookDelivery(
                key,
                subscriptionId,
                eventId,
                type,
                sequence,
                before,
                after,
                DeliveryStatus.PENDING,
                0,
                createdAt,
                lastAttemptAt,
                at,
                lastError,
                lastResponseStatus,
                deliveredAt);
    }

    /** A delivery's state. */
    enum DeliveryStatus {
        PENDING,
        DELIVERED,
        FAILED
    }
}
