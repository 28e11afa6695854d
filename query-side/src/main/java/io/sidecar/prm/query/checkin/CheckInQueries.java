package io.sidecar.prm.query.checkin;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Answers check-in queries from the {@code check_ins} collection. */
@Component
class CheckInQueries {

    private final MongoTemplate mongo;

    CheckInQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    CheckInPage handle(FindCheckInsQuery query) {
        Query find = new Query(Criteria.where("partnerId").is(query.partnerId()));
        long total = mongo.count(find, CheckInView.class);
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        find.with(Sort.by(direction, query.sortField())
                        .and(Sort.by(direction, "recordedAt"))
                        .and(Sort.by("_id")))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        return new CheckInPage(mongo.find(find, CheckInView.class), total);
    }
}
