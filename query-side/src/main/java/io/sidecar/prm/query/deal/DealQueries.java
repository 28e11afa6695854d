package io.sidecar.prm.query.deal;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
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
}
