package io.sidecar.prm.query.integration.webhook;

import io.sidecar.prm.query.integration.EventFeed;
import io.sidecar.prm.query.integration.webhook.WebhookDelivery.DeliveryStatus;
import io.sidecar.prm.query.web.InvalidQueryException;
import io.sidecar.prm.query.web.UnknownResourceException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions, their deliveries, and re-sending one. */
@RestController
@Tag(name = "Integrations")
class WebhookController {

    static final int SECRET_BYTES = 32;
    static final int MAX_LIMIT = 1000;

    private final WebhookStore store;
    private final WebhookUrls urls;
    private final EventFeed feed;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    WebhookController(WebhookStore store, WebhookUrls urls, EventFeed feed, Clock clock) {
        this.store = store;
        this.urls = urls;
        this.feed = feed;
        this.clock = clock;
    }

    @PostMapping("/api/webhooks")
    @Operation(
            summary = "Subscribe a URL to integration events",
            description = "The subscription receives the events recorded after it was created, of the given types"
                    + " (every type when empty or absent), each POSTed as one CloudEvent signed per Standard Webhooks"
                    + " with the returned secret, which is shown only here. 400 for a URL that is not http(s) or"
                    + " whose host resolves to a link-local or metadata address (code webhook.url-refused).")
    ResponseEntity<CreatedWebhook> subscribe(@RequestBody WebhookRequest request) {
        List<String> types = eventTypes(request.eventTypes());
        URI url;
        try {
            url = urls.check(request.url());
        } catch (WebhookUrls.Malformed malformed) {
            throw InvalidQueryException.field("url", malformed.getMessage());
        }
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        WebhookSubscription subscription = new WebhookSubscription(
                UUID.randomUUID().toString(),
                url.toString(),
                types,
                "whsec_" + Base64.getEncoder().encodeToString(key),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                feed.startCursor(),
                null,
                null,
                List.of());
        store.create(subscription);
        return ResponseEntity.created(URI.create("/api/webhooks/" + subscription.id()))
                .body(new CreatedWebhook(
                        subscription.id(),
                        subscription.url(),
                        subscription.types(),
                        subscription.secret(),
                        subscription.createdAt()));
    }

    @GetMapping("/api/webhooks")
    @Operation(summary = "Every webhook subscription (never its secret)")
    List<WebhookView> subscriptions() {
        return store.subscriptions().stream().map(WebhookView::of).toList();
    }

    @GetMapping("/api/webhooks/{id}")
    @Operation(summary = "One webhook subscription (never its secret)")
    WebhookView subscription(@PathVariable String id) {
        return WebhookView.of(found(id));
    }

    @DeleteMapping("/api/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End a subscription; its deliveries are forgotten")
    void unsubscribe(@PathVariable String id) {
        if (!store.delete(id)) {
            throw new UnknownResourceException("webhook", id);
        }
    }

    @GetMapping("/api/webhooks/{id}/deliveries")
    @Operation(
            summary = "A subscription's deliveries, newest event first",
            description = "pending: the delivery in flight (with its next attempt) and those asked to be sent again;"
                    + " delivered; failed: parked after the last retry, with the last error. Events further ahead"
                    + " become deliveries in their turn.")
    Deliveries deliveries(
            @PathVariable String id,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "100") int limit) {
        found(id);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidQueryException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new Deliveries(store.deliveries(id, status(status), limit).stream()
                .map(DeliveryView::of)
                .toList());
    }

    @PostMapping("/api/webhooks/{id}/deliveries/{deliveryId}/retry")
    @Operation(
            summary = "Send a delivery again",
            description = "202: it is sent next, before the subscription's later events, with the retry schedule"
                    + " again. 409 (delivery.already-pending) while it is still pending.")
    ResponseEntity<?> retry(@PathVariable String id, @PathVariable String deliveryId) {
        found(id);
        WebhookDelivery delivery =
                store.delivery(id, deliveryId).orElseThrow(() -> new UnknownResourceException("delivery", deliveryId));
        if (!delivery.done()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT, "the delivery " + deliveryId + " is pending: it is being sent already");
            problem.setType(URI.create("https://sidecar-prm.io/problems/delivery.already-pending"));
            problem.setProperty("code", "delivery.already-pending");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        Instant now = clock.instant();
        store.resend(delivery, now);
        return ResponseEntity.accepted().body(DeliveryView.of(delivery.resent(now)));
    }

    @ExceptionHandler(WebhookUrls.Refused.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail refused(WebhookUrls.Refused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setType(URI.create("https://sidecar-prm.io/problems/webhook.url-refused"));
        problem.setTitle("Webhook URL refused");
        problem.setProperty("code", "webhook.url-refused");
        return problem;
    }

    private WebhookSubscription found(String id) {
        return store.subscription(id).orElseThrow(() -> new UnknownResourceException("webhook", id));
    }

    private List<String> eventTypes(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type == null || !feed.types().contains(type)) {
                throw InvalidQueryException.field(
                        "eventTypes[" + i + "]", "is not an event type (see /api/events/types)");
            }
            types.add(type);
        }
        return new ArrayList<>(types);
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidQueryException("status", "must be one of pending, delivered, failed");
        }
    }

    /**
     * @param url        where to POST the events, http or https
     * @param eventTypes the public types to receive; every type when empty or absent
     */
    record WebhookRequest(String url, List<String> eventTypes) {}

    /** A new subscription, with its secret: the only time it is shown. */
    record CreatedWebhook(String id, String url, List<String> eventTypes, String secret, Instant createdAt) {}

    /** A subscription as listed: no secret. */
    record WebhookView(String id, String url, List<String> eventTypes, Instant createdAt) {
        static WebhookView of(WebhookSubscription subscription) {
            return new WebhookView(
                    subscription.id(), subscription.url(), subscription.types(), subscription.createdAt());
        }
    }

    /** A page of deliveries. */
    record Deliveries(List<DeliveryView> deliveries) {}

    /**
     * A delivery as listed; its {@code id} is the event's id (and the {@code webhook-id} the receiver saw).
     */
    record DeliveryView(
            String id,
            String eventId,
            String type,
            String sequence,
            String status,
            int attempts,
            Instant createdAt,
            Instant lastAttemptAt,
            Instant nextAttemptAt,
            String lastError,
            Integer lastResponseStatus,
            Instant deliveredAt) {
        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(
                    delivery.eventId(),
                    delivery.eventId(),
                    delivery.type(),
                    Long.toString(delivery.sequence()),
                    delivery.status().name().toLowerCase(Locale.ROOT),
                    delivery.attempts(),
                    delivery.createdAt(),
                    delivery.lastAttemptAt(),
                    delivery.done() ? null : delivery.nextAttemptAt(),
                    delivery.lastError(),
                    delivery.lastResponseStatus(),
                    delivery.deliveredAt());
        }
    }
}
