package io.sidecar.prm.query.dashboard;

import java.time.Instant;

/**
 * Find the dashboard.
 *
 * @param asOf the instant health and at-risk are computed for (now, from the application's clock)
 */
public record FindDashboardQuery(Instant asOf) {}
