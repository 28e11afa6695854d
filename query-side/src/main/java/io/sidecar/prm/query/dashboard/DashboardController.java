package io.sidecar.prm.query.dashboard;

import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.query.web.InvalidQueryException;
import io.sidecar.prm.query.web.ListRequest;
import io.sidecar.prm.query.web.ServedFrom;
import io.sidecar.prm.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The portfolio figures over HTTP (API.md, "Queries"): the dashboard, its live stream and the leaderboard. A user
 * bound to one partner gets the same answers computed from that partner's own figures alone.
 */
@RestController
@RequestMapping("/api/dashboard")
@ServedFrom("partner-summary")
@Tag(name = "Dashboard")
class DashboardController {

    private final QueryGateway queries;
    private final DashboardStream stream;
    private final Clock clock;

    DashboardController(QueryGateway queries, DashboardStream stream, Clock clock) {
        this.queries = queries;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary = "The portfolio: partner counts, pipeline, won revenue, win rate, goal attainment, top and"
                    + " at-risk partners",
            description = "Health and at-risk are computed for now. Computed once for all readers while the read"
                    + " models do not change, for at most 1 s. A partner user gets its own partner's figures"
                    + " only.")
    Dashboard dashboard() {
        DashboardScope scope = DashboardScope.of(Caller.current());
        return queries.query(scope.dashboardQuery(clock.instant()), ResponseTypes.instanceOf(Dashboard.class))
                .join();
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The dashboard, live (Server-Sent Events)",
            description = "An event named `dashboard` with the same JSON as GET /api/dashboard at once, then at"
                    + " every change; before it, and whenever it changes, an event named `replaying` (true or"
                    + " false: whether the figures come from a read model being rebuilt); a comment line every 15 s"
                    + " while nothing changes. A partner user gets its own partner's figures only, and a new"
                    + " event only when they change.")
    SseEmitter live() {
        return stream.subscribe(DashboardScope.of(Caller.current()));
    }

    @GetMapping("/leaderboard")
    @Operation(
            summary = "Partners ranked by the revenue they won in a quarter",
            description = "A partner user gets its own entry alone (rank 1 of that list, not its place among all"
                    + " partners), or none when it won nothing in the quarter.")
    Leaderboard leaderboard(
            @Parameter(description = "the quarter, YYYY-Qn; default the current one") @RequestParam(required = false)
                    String period,
            @Parameter(description = "how many places, 1–200; default 10") @RequestParam(required = false)
                    Integer limit) {
        Quarter quarter;
        try {
            quarter = period == null ? Quarter.of(LocalDate.now(clock)) : Quarter.parse(period.strip());
        } catch (IllegalArgumentException notAQuarter) {
            throw new InvalidQueryException("period", "must be a quarter such as 2026-Q4 (YYYY-Qn)");
        }
        int places = limit == null ? 10 : limit;
        if (places < 1 || places > ListRequest.MAX_SIZE) {
            throw new InvalidQueryException("limit", "must be between 1 and " + ListRequest.MAX_SIZE);
        }
        return queries.query(
                        DashboardScope.of(Caller.current()).leaderboardQuery(quarter.toString(), places),
                        ResponseTypes.instanceOf(Leaderboard.class))
                .join();
    }
}
