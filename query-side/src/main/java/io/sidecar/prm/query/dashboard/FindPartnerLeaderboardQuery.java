package io.sidecar.prm.query.dashboard;

/**
 * Find a quarter's leaderboard as a user bound to one partner sees it: that partner's entry alone, ranked 1 in its
 * own list, or no entry.
 *
 * @param period    the quarter, {@code YYYY-Qn}
 * @param partnerId the partner; {@code null} or an unknown one finds an empty leaderboard
 */
public record FindPartnerLeaderboardQuery(String period, String partnerId) {}
