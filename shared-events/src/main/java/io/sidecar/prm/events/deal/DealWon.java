package io.sidecar.prm.events.deal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.Money;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The deal was won: its amount counts as the partner's won revenue in the quarter of {@code closedOn}.
 *
 * @param dealId    the deal
 * @param partnerId its partner
 * @param amount    the amount won, in the reporting currency
 * @param closedOn  the day it closed
 * @param wonAt     when it was recorded
 */
@Revision("1")
public record DealWon(String dealId, String partnerId, Money amount, LocalDate closedOn, Instant wonAt)
        implements DealEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return wonAt;
    }
}
