package io.sidecar.prm.query.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Answers partner queries from the {@code partners} collection.
 */
@Component
class PartnerQueries {

    private final MongoTemplate mongo;

    PartnerQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    PartnerView handle(FindPartnerQuery query) {
        return mongo.findById(query.partnerId(), PartnerView.class);
    }

    @QueryHandler
    PartnerPage handle(FindPartnersQuery query) {
        List<Criteria> filters = new ArrayList<>();
        if (query.status() != null) {
            filters.add(Criteria.where("status").is(query.status()));
        }
        if (query.tier() != null) {
            filters.add(Criteria.where("tier").is(query.tier()));
        }
        if (query.type() != null) {
            filters.add(Criteria.where("type").is(query.type()));
        }
        if (query.region() != null) {
            filters.add(Criteria.where("region").is(query.region()));
        }
        if (query.nameQuery() != null) {
            filters.add(Criteria.where("name").regex(Pattern.quote(query.nameQuery()), "i"));
        }
        Query find = filters.isEmpty()
                ? new Query()
                : new Query(new Criteria().andOperator(filters.toArray(Criteria[]::new)));
        long total = mongo.count(find, PartnerView.class);
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        find.with(Sort.by(direction, query.sortField()).and(Sort.by("_id")))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        // list items are summaries: the projection's bookkeeping and the partner page's details stay out
        find.fields()
                .exclude("dealVersions")
                .exclude("openDealsById")
                .exclude("recentCheckIns")
                .exclude("goals");
        return new PartnerPage(mongo.find(find, PartnerView.class), total);
    }
}
