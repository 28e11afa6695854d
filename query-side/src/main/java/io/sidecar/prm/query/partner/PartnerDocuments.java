package io.sidecar.prm.query.partner;

import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Reads of the {@code partners} collection for lists and portfolio figures. */
public final class PartnerDocuments {

    private PartnerDocuments() {}

    /**
     * Leaves out of a query's documents what summaries, health and portfolio figures do not need: the
     * projection's bookkeeping and the partner page's details (contact, checklist, recent check-ins).
     */
    public static Query withoutDetails(Query find) {
        find.fields()
                .exclude("dealVersions")
                .exclude("openDealsById")
                .exclude("recentCheckIns")
                .exclude("contact")
                .exclude("onboarding");
        return find;
    }

    /** Every partner, without details. */
    public static List<PartnerView> all(MongoTemplate mongo) {
        return mongo.find(withoutDetails(new Query()), PartnerView.class);
    }

    /** One partner by id, without details, as a list of it; empty when the id is {@code null} or unknown. */
    public static List<PartnerView> only(MongoTemplate mongo, String id) {
        if (id == null) {
            return List.of();
        }
        PartnerView partner =
                mongo.findOne(withoutDetails(Query.query(Criteria.where("_id").is(id))), PartnerView.class);
        return partner == null ? List.of() : List.of(partner);
    }
}
