package io.sidecar.prm.query.partner;

import io.sidecar.prm.events.partner.PartnerStatus;
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
        if (query.partnerId() != null) {
            filters.add(Criteria.where("_id").is(query.partnerId()));
        }
        if (query.status() != null) {
            filters.add(Criteria.where("status").is(query.status()));
        }
        if (Boolean.TRUE.equals(query.atRisk())) {
            // only active partners can be at risk: the store narrows the scan before health is computed
            filters.add(Criteria.where("status").is(PartnerStatus.ACTIVE));
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
        Sort.Direction direction = query.descending() ? Sort.Direction.DESC : Sort.Direction.ASC;
        find.with(Sort.by(direction, query.sortField()).and(Sort.by("_id")));
        PartnerDocuments.withoutDetails(find);
        if (query.atRisk() == null) {
            long total = mongo.count(find, PartnerView.class);
            find.skip((long) query.page() * query.size()).limit(query.size());
            return new PartnerPage(summaries(mongo.find(find, PartnerView.class), query), total);
        }
        // at risk depends on the day, so it is decided here, over every partner the other filters leave
        List<PartnerSummary> matching = summaries(mongo.find(find, PartnerView.class), query).stream()
                .filter(summary -> summary.atRisk() == query.atRisk())
                .toList();
        int from = (int) Math.min(matching.size(), (long) query.page() * query.size());
        return new PartnerPage(matching.subList(from, Math.min(matching.size(), from + query.size())), matching.size());
    }

    private static List<PartnerSummary> summaries(List<PartnerView> partners, FindPartnersQuery query) {
        return partners.stream()
                .map(partner -> PartnerSummary.of(partner, query.today()))
                .toList();
    }
}
