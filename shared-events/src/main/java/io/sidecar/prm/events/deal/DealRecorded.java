package io.sidecar.prm.events.deal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.Customer;
import io.sidecar.prm.events.Money;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A partner registered a deal; it waits for approval.
 *
 * @param dealId            the new deal's id
 * @param partnerId         the partner that registered it
 * @param customer          the end customer
 * @param product           the product the deal is for
 * @param amount            the expected deal value, in the reporting currency
 * @param expectedCloseDate when the partner expects to close
 * @param fundRequestId     the market development fund request that sourced the deal, optional
 * @param recordedAt        when the registration was recorded
 */
@Revision("1")
public record DealRecorded(
        String dealId,
        String partnerId,
        Customer customer,
        String product,
        Money amount,
        LocalDate expectedCloseDate,
        String fundRequestId,
        Instant recordedAt)
        implements DealEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return recordedAt;
    }
}
