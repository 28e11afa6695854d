package io.sidecar.prm.query.deal;

import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.deal.DealStatus;
import io.sidecar.prm.query.readmodel.ReadModel;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A deal registration as the API shows it. One document per deal in the {@code deals} collection.
 *
 * @param id                the deal's id
 * @param partnerId         the registering partner
 * @param customer          the end customer
 * @param product           the product
 * @param amount            the expected value
 * @param expectedCloseDate when the partner expects to close
 * @param fundRequestId     the sourcing MDF request, or {@code null}
 * @param status            the registration's status
 * @param recordedAt        when it was recorded
 * @param version           the number of events in the deal's stream
 */
@Document("deals")
public record DealView(
        @Id String id,
        @Indexed String partnerId,
        Customer customer,
        String product,
        Money amount,
        LocalDate expectedCloseDate,
        String fundRequestId,
        @Indexed DealStatus status,
        Instant recordedAt,
        long version)
        implements ReadModel {

    @Override
    public long appliedVersion(String aggregateId) {
        return id.equals(aggregateId) ? version : 0;
    }
}
