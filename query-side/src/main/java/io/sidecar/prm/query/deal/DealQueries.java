package io.sidecar.prm.query.deal;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Answers deal queries from the {@code deals} collection.
 */
@Component
class DealQueries {

    private final MongoTemplate mongo;

    DealQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    DealView handle(FindDealQuery query) {
        return mongo.findById(query.dealId(), DealView.class);
    }

    @QueryHandler
    DealPage handle(FindDealsQuery query) {
        List<Criteria> filters = new ArrayList<>();
        if (query.partnerId() != null) {
            filters.add(Criteria.where("partnerId").is(query.partnerId()));
        }
        if (query.status() != null) {
            filters.add(Criteria.where("status").is(query.status()));
        }
        if (query.stage() != null) {
            filters.add(Criteria.where("stage").is(query.stage()));
        }
        Query find = filters.isEmpty()
                ? new Query()
                : new Query(new Criteria().andOperator(filters.toArray(Criteria[]::new)));
        long total = mongo.count(find, DealView.class);
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        // the id breaks ties, so that pages neither repeat nor skip deals of equal sort keys
        find.with(Sort.by(direction, query.sortField()).and(Sort.by("_id")))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        return new DealPage(mongo.find(find, DealView.class), total);
    }
}
