package io.sidecar.prm.query.integration;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event feed and its live stream ({@code prm.integration.*}).
 *
 * @param stream the live stream's settings
 */
@ConfigurationProperties("prm.integration")
public record IntegrationProperties(@DefaultValue Stream stream) {

    /**
     * @param heartbeat  how long a live stream may stay silent before a comment line is sent, default 15 s: proxies
     *                   close idle connections, and a write is how a client that went away is noticed
     * @param maxClients how many live streams may be open at once, default 64; each holds a thread. One more is a
     *                   503 problem
     */
    public record Stream(
            @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("64") int maxClients) {}
}
