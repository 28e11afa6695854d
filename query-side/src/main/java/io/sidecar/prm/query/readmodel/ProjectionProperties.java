package io.sidecar.prm.query.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projections' event processors run ({@code prm.projections.*}).
 *
 * @param batchSize         events per batch (one bulk write per batch), default 500
 * @param segments          segments per processing group, for a new token store, default 2
 * @param nodeId            this process's name in the token store's claims; empty = the JVM's name. A fixed name
 *                          lets a restarted process take its claims back at once instead of after the time-out
 * @param database          the MongoDB database of the read models and tokens, default {@code prm}
 */
@ConfigurationProperties("prm.projections")
public record ProjectionProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("2") int segments,
        @DefaultValue("") String nodeId,
        @DefaultValue("prm") String database) {}
