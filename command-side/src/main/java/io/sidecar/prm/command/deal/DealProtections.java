package io.sidecar.prm.command.deal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When each approved deal's protection ends, in the command side's lookup database (ADR 006): what the expiry
 * sweep reads. Written before the approval or extension is stored, corrected by every expiry attempt, so a crash
 * can make an expiry late by one sweep but never lose it.
 */
public class DealProtections {

    private static final String TABLE = "deal_protection";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public DealProtections(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (deal_id VARCHAR(100) PRIMARY KEY, "
                + "protected_until TIMESTAMP WITH TIME ZONE NOT NULL)");
    }

    /** Sets (or moves) when the deal's protection ends. */
    public void protect(String dealId, Instant until) {
        OffsetDateTime at = OffsetDateTime.ofInstant(until, ZoneOffset.UTC);
        if (jdbc.update("UPDATE " + TABLE + " SET protected_until = ? WHERE deal_id = ?", at, dealId) == 0) {
            jdbc.update("INSERT INTO " + TABLE + " (deal_id, protected_until) VALUES (?, ?)", dealId, at);
        }
    }

    /** The deal no longer needs to expire. */
    public void forget(String dealId) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE deal_id = ?", dealId);
    }

    /** Deals whose protection has ended by now, oldest first, at most {@code limit}. */
    public List<String> due(int limit) {
        return jdbc.queryForList(
                "SELECT deal_id FROM " + TABLE + " WHERE protected_until <= ? ORDER BY protected_until"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                String.class,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
