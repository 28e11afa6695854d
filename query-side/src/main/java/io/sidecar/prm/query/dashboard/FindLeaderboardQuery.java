package io.sidecar.prm.query.dashboard;

/**
 * Find a quarter's leaderboard.
 *
 * @param period the quarter, {@code YYYY-Qn}
 * @param limit  how many places, 1–200
 */
public record FindLeaderboardQuery(String period, int limit) {}
