package io.sidecar.prm.command.deal;

import io.sidecar.prm.events.deal.DealWon;
import java.math.BigDecimal;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Won deals per partner, in the command side's lookup database: what the tier policy sums over the trailing
 * twelve months. Keyed by deal, so a replayed DealWon counts once. Rebuildable from the DealWon events.
 */
public class WonDeals {

    private static final String TABLE = "won_deal";

    private final JdbcTemplate jdbc;

    public WonDeals(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (deal_id VARCHAR(100) PRIMARY KEY, "
                + "partner_id VARCHAR(100) NOT NULL, amount DECIMAL(15, 2) NOT NULL, closed_on DATE NOT NULL)");
    }

    /** Records a won deal once. */
    public void add(DealWon won) {
        try {
            jdbc.update(
                    "INSERT INTO " + TABLE + " (deal_id, partner_id, amount, closed_on) VALUES (?, ?, ?, ?)",
                    won.dealId(),
                    won.partnerId(),
                    won.amount().amount(),
                    won.closedOn());
        } catch (DuplicateKeyException alreadyCounted) {
            // a replay: counted once
        }
    }

    /** The partner's won revenue closed in the twelve months up to and including {@code day}. */
    public BigDecimal trailingYear(String partnerId, LocalDate day) {
        return trailingYearWithout(partnerId, day, "");
    }

    /** The same, leaving one deal out: what the revenue was before that deal was won. */
    public BigDecimal trailingYearWithout(String partnerId, LocalDate day, String dealId) {
        BigDecimal sum = jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount), 0) FROM " + TABLE
                        + " WHERE partner_id = ? AND closed_on > ? AND closed_on <= ? AND deal_id <> ?",
                BigDecimal.class,
                partnerId,
                day.minusMonths(12),
                day,
                dealId);
        return sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2);
    }
}
