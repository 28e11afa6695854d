package io.sidecar.prm.query.dashboard;

import io.sidecar.prm.security.Caller;
import java.time.Instant;
import java.util.Optional;

/**
 * Whose figures a reader of the dashboard gets: the whole portfolio's, or, for a user bound to one partner, that
 * partner's own.
 *
 * @param onePartner whether the figures are one partner's
 * @param partnerId  that partner; {@code null} for a partner user bound to none (its dashboard is empty)
 */
record DashboardScope(boolean onePartner, String partnerId) {

    static final DashboardScope PORTFOLIO = new DashboardScope(false, null);

    /**
     * The caller's scope. Without a caller (only where no security filter runs, as in a slice test; it
     * authenticates every API call) the whole portfolio.
     */
    static DashboardScope of(Optional<Caller> caller) {
        return caller.filter(Caller::isPartnerBound)
                .map(partnerUser -> new DashboardScope(true, partnerUser.partnerId()))
                .orElse(PORTFOLIO);
    }

    /** The query for this scope's dashboard as of an instant. */
    Object dashboardQuery(Instant asOf) {
        return onePartner ? new FindPartnerDashboardQuery(asOf, partnerId) : new FindDashboardQuery(asOf);
    }

    /** The query for this scope's leaderboard of a quarter. */
    Object leaderboardQuery(String period, int limit) {
        return onePartner
                ? new FindPartnerLeaderboardQuery(period, partnerId)
                : new FindLeaderboardQuery(period, limit);
    }
}
