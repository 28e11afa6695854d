package io.sidecar.prm.query.dashboard;

import io.sidecar.prm.events.Quarter;
import io.sidecar.prm.query.partner.PartnerDocuments;
import io.sidecar.prm.query.readmodel.ReadModelUpdates;
import io.sidecar.prm.query.readmodel.ReportingProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Answers the dashboard queries by summing up every partner's document, or for a user bound to one partner that
 * partner's document alone (read by id, never cached: one small read). The dashboard is computed once for all
 * readers while nothing changed: it is kept until a batch is written in this process, the day changes, or a
 * second has passed (writes by another query-side instance are not announced here).
 */
@Component
class DashboardQueries {

    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final ReadModelUpdates updates;
    private final String currency;
    private Computed last;

    DashboardQueries(MongoTemplate mongo, ReadModelUpdates updates, ReportingProperties reporting) {
        this.mongo = mongo;
        this.updates = updates;
        this.currency = reporting.reportingCurrency();
    }

    @QueryHandler
    synchronized Dashboard handle(FindDashboardQuery query) {
        long generation = updates.generation();
        LocalDate day = LocalDate.ofInstant(query.asOf(), ZoneOffset.UTC);
        if (last != null && last.fresh(generation, day)) {
            return last.dashboard();
        }
        Dashboard dashboard = DashboardFigures.of(PartnerDocuments.all(mongo), query.asOf(), currency);
        last = new Computed(generation, day, System.nanoTime(), dashboard);
        return dashboard;
    }

    /** The same figures computed from the one partner's document: nothing of another partner can be in them. */
    @QueryHandler
    Dashboard handle(FindPartnerDashboardQuery query) {
        return DashboardFigures.of(PartnerDocuments.only(mongo, query.partnerId()), query.asOf(), currency);
    }

    @QueryHandler
    Leaderboard handle(FindLeaderboardQuery query) {
        return Leaderboard.of(PartnerDocuments.all(mongo), Quarter.parse(query.period()), query.limit());
    }

    /** The partner's own entry, ranked in a list of it alone: its place among all partners is not told. */
    @QueryHandler
    Leaderboard handle(FindPartnerLeaderboardQuery query) {
        return Leaderboard.of(PartnerDocuments.only(mongo, query.partnerId()), Quarter.parse(query.period()), 1);
    }

    private record Computed(long generation, LocalDate day, long computedAt, Dashboard dashboard) {

        boolean fresh(long currentGeneration, LocalDate today) {
            return generation == currentGeneration
                    && day.equals(today)
                    && System.nanoTime() - computedAt < MAX_AGE.toNanos();
        }
    }
}
