package io.sidecar.prm.command.lookup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The command side's lookups of keys that must be unique across aggregates (DOMAIN.md: "claimed before the events
 * are stored, released when the command fails, rebuildable from the events"), in a table of their own. Each call
 * is its own short transaction, apart from the command's unit of work, so a claim is visible to every other
 * command at once.
 *
 * <p>A claim starts unconfirmed and is confirmed once its command's events are stored. A process that dies
 * between claim and append leaves an unconfirmed claim behind: it blocks its key only for the in-flight grace
 * period; after that, the next claimant asks the event store (through {@code holderStillHolds}) whether the
 * holder really holds the key, and takes it over if not. A confirmed claim is checked the same way, which also
 * repairs a release lost to a crash after an offboarding.
 */
public class Claims implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Claims.class);
    private static final String TABLE = "lookup_claim";
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration inFlightGrace;
    private final boolean createdNow;
    private final TransactionTemplate transactions;
    private int rebuilding;

    public Claims(DataSource dataSource, Clock clock, Duration inFlightGrace) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.inFlightGrace = inFlightGrace;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.createdNow = createTableIfMissing();
    }

    /** Makes claims wait until {@link #rebuildDone()}: a lookup being rebuilt must not say a taken key is free. */
    public synchronized void holdClaimsForRebuild() {
        rebuilding++;
    }

    /** One rebuild is done; claims go through once every rebuild is. */
    public synchronized void rebuildDone() {
        rebuilding--;
        notifyAll();
    }

    private synchronized void awaitRebuild() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try {
            while (rebuilding > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("the lookup is still being rebuilt from the events; try again");
                }
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the lookup was being rebuilt", e);
        }
    }

    /**
     * Claims {@code key} for {@code owner}.
     *
     * @param holderStillHolds asked, for a holder past its grace period, whether the event store shows it holds
     *                         the key
     * @return empty when the key is now the owner's; else the claim of whoever holds it
     */
    public Optional<Claim> claim(String scope, String key, String owner, Predicate<Claim> holderStillHolds) {
        awaitRebuild();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            try {
                jdbc.update(
                        "INSERT INTO " + TABLE + " (scope, claim_key, owner_id, confirmed, claimed_at) "
                                + "VALUES (?, ?, ?, FALSE, ?)",
                        scope,
                        key,
                        owner,
                        now);
                return Optional.empty();
            } catch (DuplicateKeyException taken) {
                // someone holds it: see who, below
            }
            Optional<Claim> existing = find(scope, key);
            if (existing.isEmpty()) {
                continue; // released meanwhile
            }
            Claim holder = existing.get();
            if (holder.owner().equals(owner)) {
                return Optional.empty();
            }
            boolean inFlight = !holder.confirmed()
                    && holder.claimedAt().plus(inFlightGrace).isAfter(now.toInstant());
            if (inFlight) {
                return existing;
            }
            if (holderStillHolds.test(holder)) {
                confirm(scope, key, holder.owner());
                return existing;
            }
            if (takeOver(holder, owner, now) == 1) {
                log.info("Took over the stale {} claim on '{}' from {} for {}", scope, key, holder.owner(), owner);
                return Optional.empty();
            }
        }
        throw new IllegalStateException("the " + scope + " claim on '" + key + "' kept changing; try again");
    }

    private int takeOver(Claim holder, String owner, OffsetDateTime now) {
        return jdbc.update(
                "UPDATE " + TABLE + " SET owner_id = ?, confirmed = FALSE, claimed_at = ? "
                        + "WHERE scope = ? AND claim_key = ? AND owner_id = ? AND confirmed = ?",
                owner,
                now,
                holder.scope(),
                holder.key(),
                holder.owner(),
                holder.confirmed());
    }

    /** Whether an unconfirmed claim is young enough that its command may still be running. */
    public boolean inFlight(Claim claim) {
        return !claim.confirmed() && claim.claimedAt().plus(inFlightGrace).isAfter(clock.instant());
    }

    /** The owner's events are stored: the claim is no longer in flight. */
    public void confirm(String scope, String key, String owner) {
        jdbc.update(
                "UPDATE " + TABLE + " SET confirmed = TRUE WHERE scope = ? AND claim_key = ? AND owner_id = ?",
                scope,
                key,
                owner);
    }

    /** Frees the key if {@code owner} holds it (a failed command, a rename, an offboarding). */
    public void release(String scope, String key, String owner) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE scope = ? AND claim_key = ? AND owner_id = ?", scope, key, owner);
    }

    /** The claims of a scope whose keys start with {@code prefix}, such as a partner's open registrations. */
    public List<Claim> findByPrefix(String scope, String prefix) {
        return jdbc.query(
                "SELECT scope, claim_key, owner_id, confirmed, claimed_at FROM " + TABLE
                        + " WHERE scope = ? AND claim_key LIKE ? ESCAPE '!'",
                Claims::claim,
                scope,
                prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }

    public Optional<Claim> find(String scope, String key) {
        List<Claim> found = jdbc.query(
                "SELECT scope, claim_key, owner_id, confirmed, claimed_at FROM " + TABLE
                        + " WHERE scope = ? AND claim_key = ?",
                Claims::claim,
                scope,
                key);
        return found.stream().findFirst();
    }

    /** Replaces every claim of a scope, in one transaction, with confirmed claims rebuilt from the events. */
    public void replaceAll(String scope, Map<String, String> owners) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        transactions.executeWithoutResult(status -> replace(scope, owners, now));
    }

    private void replace(String scope, Map<String, String> owners, OffsetDateTime now) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE scope = ?", scope);
        jdbc.batchUpdate(
                "INSERT INTO " + TABLE
                        + " (scope, claim_key, owner_id, confirmed, claimed_at) VALUES (?, ?, ?, TRUE, ?)",
                owners.entrySet().stream()
                        .map(entry -> new Object[] {scope, entry.getKey(), entry.getValue(), now})
                        .toList());
    }

    /** Whether the lookup table did not exist before this start: its content must be rebuilt from the events. */
    public boolean createdNow() {
        return createdNow;
    }

    /** Closes the lookups' connection pool, if it is one. */
    @Override
    public void close() throws Exception {
        if (dataSource instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    private boolean createTableIfMissing() {
        Integer existing = jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = ?", Integer.class, TABLE);
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "scope VARCHAR(64) NOT NULL, "
                + "claim_key VARCHAR(1000) NOT NULL, "
                + "owner_id VARCHAR(100) NOT NULL, "
                + "confirmed BOOLEAN NOT NULL, "
                + "claimed_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "PRIMARY KEY (scope, claim_key))");
        return existing == null || existing == 0;
    }

    private static Claim claim(ResultSet row, int number) throws SQLException {
        Instant claimedAt = row.getObject("claimed_at", OffsetDateTime.class).toInstant();
        return new Claim(
                row.getString("scope"),
                row.getString("claim_key"),
                row.getString("owner_id"),
                row.getBoolean("confirmed"),
                claimedAt);
    }
}
