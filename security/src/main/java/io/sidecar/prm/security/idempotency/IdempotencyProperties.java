package io.sidecar.prm.security.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code prm.security.idempotency.*}: how long the answer to a request with an {@code Idempotency-Key} is kept.
 *
 * @param ttl how long the same key and request answer the stored first answer; after that the key is new again
 */
@ConfigurationProperties("prm.security.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration ttl) {}
