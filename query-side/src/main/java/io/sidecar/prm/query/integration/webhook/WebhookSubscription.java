package io.sidecar.prm.query.integration.webhook;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A webhook subscription, and where its deliveries stand: each subscription follows the event store with a cursor
 * of its own, so a receiver that is slow or down holds up nobody else.
 *
 * @param id            the subscription's id
 * @param url           where deliveries are POSTed
 * @param eventTypes    the public event types it receives; every type when empty
 * @param secret        the signing secret ({@code whsec_} + base64)
 * @param createdAt     when it was created
 * @param cursor        the feed cursor after the last event it is done with (delivered or parked); null for the first
 *                      event of the store
 * @param current       the event id of the delivery in flight (being tried, or waiting for its retry), or null
 * @param nextAttemptAt when the delivery in flight (or a re-send) is tried next, null for now
 * @param resend        event ids of deliveries asked to be sent again, in the order asked
 */
@Document(WebhookSubscription.COLLECTION)
record WebhookSubscription(
        @Id String id,
        String url,
        List<String> eventTypes,
        String secret,
        Instant createdAt,
        String cursor,
        String current,
        Instant nextAttemptAt,
        List<String> resend) {

    static final String COLLECTION = "webhook_subscriptions";

    List<String> resendQueue() {
        return resend == null ? List.of() : resend;
    }

    List<String> types() {
        return eventTypes == null ? List.of() : eventTypes;
    }
}
