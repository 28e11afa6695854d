package io.sidecar.prm.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.sidecar.prm.security.Caller;
import io.sidecar.prm.security.Role;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whose figures a dashboard reader gets: a partner user its own partner's, every other reader the portfolio. */
class DashboardScopeTest {

    private static final Instant NOW = Instant.parse("2026-02-15T12:00:00Z");

    @Test
    void aPartnerUserGetsItsOwnPartnersDashboardAndLeaderboard() {
        DashboardScope scope = DashboardScope.of(Optional.of(new Caller("acme", Set.of(Role.PARTNER), "p-a")));

        assertThat(scope.dashboardQuery(NOW)).isEqualTo(new FindPartnerDashboardQuery(NOW, "p-a"));
        assertThat(scope.leaderboardQuery("2026-Q1", 10)).isEqualTo(new FindPartnerLeaderboardQuery("2026-Q1", "p-a"));
    }

    @Test
    void aPartnerUserBoundToNoPartnerGetsTheEmptyOne() {
        DashboardScope scope = DashboardScope.of(Optional.of(new Caller("x", Set.of(Role.PARTNER), null)));

        assertThat(scope.dashboardQuery(NOW)).isEqualTo(new FindPartnerDashboardQuery(NOW, null));
        assertThat(scope).isNotEqualTo(DashboardScope.PORTFOLIO);
    }

    @Test
    void everyOtherReaderGetsThePortfolio() {
        for (Set<Role> roles : Set.of(
                Set.of(Role.VIEWER), Set.of(Role.ADMIN), Set.of(Role.PARTNER, Role.MANAGER), Set.of(Role.AUDITOR))) {
            DashboardScope scope = DashboardScope.of(Optional.of(new Caller("u", roles, "p-a")));

            assertThat(scope).as(roles.toString()).isEqualTo(DashboardScope.PORTFOLIO);
            assertThat(scope.dashboardQuery(NOW)).isEqualTo(new FindDashboardQuery(NOW));
            assertThat(scope.leaderboardQuery("2026-Q1", 10)).isEqualTo(new FindLeaderboardQuery("2026-Q1", 10));
        }
        assertThat(DashboardScope.of(Optional.empty())).isEqualTo(DashboardScope.PORTFOLIO);
    }
}
