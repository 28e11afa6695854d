package io.sidecar.prm.command.lookup;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The command side's lookup database and its own connection pool (ADR 004). Deliberately not a
 * {@code DataSource} bean: the application's data source (standalone's event store) stays the only one Spring
 * Boot and Axon see.
 */
public final class LookupDatabase implements AutoCloseable {

    private final HikariDataSource pool;

    LookupDatabase(LookupProperties properties) {
        pool = new HikariDataSource();
        pool.setPoolName("lookups");
        pool.setJdbcUrl(properties.url());
        pool.setUsername(properties.username());
        pool.setPassword(properties.password());
        pool.setMaximumPoolSize(properties.poolSize());
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
