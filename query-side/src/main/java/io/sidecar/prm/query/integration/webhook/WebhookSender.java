package io.sidecar.prm.query.integration.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * POSTs one CloudEvent to a receiver, signed per the Standard Webhooks specification: {@code webhook-id} (the event's
 * id, the same on every retry, for the receiver to drop repeats), {@code webhook-timestamp} (Unix seconds) and
 * {@code webhook-signature} ({@code v1,} + base64 of HMAC-SHA256 over {@code id.timestamp.body}, keyed by the
 * subscription's secret), computed by the specification's own Java library. Redirects are not followed: a redirect
 * could lead past the address check.
 */
class WebhookSender {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    static final String USER_AGENT = "Sidecar-PRM-Webhooks/1";

    private final HttpClient client;
    private final WebhookUrls urls;
    private final Duration timeout;
    private final Clock clock;

    WebhookSender(WebhookUrls urls, Duration timeout, Clock clock) {
        this.urls = urls;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends the event once, without holding a thread while the receiver takes its time: the answer completes the
     * future (on the HTTP client's own threads), so a slow receiver holds up nothing but its own subscription.
     *
     * @return what the receiver made of it; never completes exceptionally
     */
    CompletableFuture<Outcome> send(WebhookSubscription subscription, String eventId, byte[] body) {
        URI target;
        try {
            target = urls.check(subscription.url());
        } catch (WebhookUrls.Malformed | WebhookUrls.Refused refused) {
            return CompletableFuture.completedFuture(Outcome.failed(null, "not sent: " + refused.getMessage()));
        }
        long timestamp = clock.instant().getEpochSecond();
        String text = new String(body, StandardCharsets.UTF_8);
        String signature;
        try {
            signature = new Webhook(subscription.secret()).sign(eventId, timestamp, text);
        } catch (WebhookSigningException | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    Outcome.failed(null, "not sent: the subscription's secret cannot sign"));
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", eventId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .build();
        try {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    .handle((response, failure) -> failure == null ? answered(response) : failed(failure));
        } catch (IllegalArgumentException refused) {
            return CompletableFuture.completedFuture(Outcome.failed(null, "not sent: " + refused.getMessage()));
        }
    }

    private static Outcome answered(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the answer's status is all that counts; its body is not read
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Outcome(true, status, null);
        }
        return Outcome.failed(status, "the receiver answered " + status);
    }

    private Outcome failed(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return Outcome.failed(null, "no answer within " + timeout);
        }
        if (cause instanceof IOException io) {
            return Outcome.failed(null, "could not deliver: " + describe(io));
        }
        return Outcome.failed(null, "could not deliver: " + cause);
    }

    private static String describe(IOException failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /**
     * @param delivered whether the receiver accepted the event (a 2xx answer)
     * @param status    the receiver's HTTP status, null when it did not answer
     * @param error     what went wrong, null when delivered
     */
    record Outcome(boolean delivered, Integer status, String error) {
        static Outcome failed(Integer status, String error) {
            return new Outcome(false, status, error);
        }
    }
}
