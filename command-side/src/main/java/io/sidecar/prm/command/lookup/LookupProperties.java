package io.sidecar.prm.command.lookup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the command side keeps its lookups ({@code prm.lookups.*}; docs/configuration.md).
 *
 * @param url           JDBC URL of the lookup database; standalone keeps it in the data directory, an H2 file
 *                      beside the event store. Command-side instances that scale out must share one database.
 * @param username      its user
 * @param password      its password
 * @param poolSize      connections, apart from the event store's: a claim runs inside a command's unit of work
 *                      and must never wait for a connection that unit of work holds
 * @param inFlightGrace how long an unconfirmed claim counts as a command still running, default 30 s; after that
 *                      it is checked against the event store and taken over if its command never stored its events
 */
@ConfigurationProperties("prm.lookups")
public record LookupProperties(
        @DefaultValue("jdbc:h2:file:./data/lookups;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE")
        String url,

        @DefaultValue("sa") String username,
        @DefaultValue("") String password,
        @DefaultValue("4") int poolSize,
        @DefaultValue("30s") Duration inFlightGrace) {}
