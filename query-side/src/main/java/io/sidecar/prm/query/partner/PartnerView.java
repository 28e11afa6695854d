package io.sidecar.prm.query.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.Contact;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.partner.PartnerStatus;
import io.sidecar.prm.events.partner.PartnerTier;
import io.sidecar.prm.events.partner.PartnerType;
import io.sidecar.prm.query.readmodel.ReadModel;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner as the API shows it: profile, status and the figures the channel team watches. One document per
 * partner in the {@code partners} collection; per-partner figures live here so that reads are by {@code _id}.
 *
 * @param id           the partner's id
 * @param name         the partner's name
 * @param type         the kind of partner
 * @param region       ISO 3166-1 alpha-2 country code
 * @param contact      the main contact
 * @param website      the website, or {@code null}
 * @param status       lifecycle status
 * @param tier         current tier
 * @param pipeline     sum of the amounts of the partner's open deals
 * @param wonRevenue   sum of the amounts of the partner's won deals
 * @param openDeals    number of open deal registrations
 * @param onboardedAt  when the partner was onboarded
 * @param version      the number of events in the partner's own stream
 * @param dealVersions how many events of each of the partner's deals are folded in (for idempotency)
 */
@Document("partners")
public record PartnerView(
        @Id String id,
        String name,
        @Indexed PartnerType type,
        @Indexed String region,
        Contact contact,
        String website,
        @Indexed PartnerStatus status,
        @Indexed PartnerTier tier,
        Money pipeline,
        Money wonRevenue,
        int openDeals,
        Instant onboardedAt,
        long version,
        @JsonIgnore Map<String, Long> dealVersions)
        implements ReadModel {

    public PartnerView {
        dealVersions = dealVersions == null ? Map.of() : Map.copyOf(dealVersions);
    }

    @Override
    public long appliedVersion(String aggregateId) {
        return id.equals(aggregateId) ? version : dealVersions.getOrDefault(aggregateId, 0L);
    }
}
