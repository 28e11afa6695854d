package io.sidecar.prm.query.integration.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the webhook deliveries ({@code prm.webhooks.*}).
 *
 * @param retrySchedule  the waits before each retry of a failed delivery; after the last retry fails, the delivery is
 *                       parked as failed and the subscription goes on with its next event. Default 5 s, 30 s, 2 min,
 *                       10 min, 1 h, 3 h, 6 h: eight attempts over about ten hours
 * @param timeout        how long a receiver has to answer one delivery, default 10 s
 * @param workers        how many deliveries may be in flight at once (one per subscription at most), default 8: a slow
 *                       receiver holds one of them, never the others' turns
 * @param pollInterval   how often the dispatcher looks for work, default 250 ms
 * @param allowLinkLocal whether a receiver may resolve to a link-local address (169.254.0.0/16, fe80::/10, where cloud
 *                       metadata services answer), default false: refusing them stops server-side request forgery
 */
@ConfigurationProperties("prm.webhooks")
public record WebhookProperties(
        @DefaultValue({"5s", "30s", "2m", "10m", "1h", "3h", "6h"})
        List<Duration> retrySchedule,

        @DefaultValue("10s") Duration timeout,
        @DefaultValue("8") int workers,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("false") boolean allowLinkLocal) {}
