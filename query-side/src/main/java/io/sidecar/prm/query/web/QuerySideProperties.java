package io.sidecar.prm.query.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the query side ({@code prm.query.*}).
 *
 * @param minVersionWait how long a read with {@code minVersion} waits for the read model, default 5 s
 */
@ConfigurationProperties("prm.query")
public record QuerySideProperties(@DefaultValue("5s") Duration minVersionWait) {}
