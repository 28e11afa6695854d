package io.sidecar.prm.query.dashboard;

import java.time.Instant;

/**
 * Find the dashboard of one partner's own figures, for a user bound to it.
 *
 * @param asOf      the instant health and at-risk are computed for (now, from the application's clock)
 * @param partnerId the partner; {@code null} (a partner user bound to none) or an unknown one finds the empty
 *                  dashboard
 */
public record FindPartnerDashboardQuery(Instant asOf, String partnerId) {}
