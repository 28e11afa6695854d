package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.Money;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A revenue goal was agreed for a quarter; it replaces an earlier goal of the same quarter.
 *
 * @param partnerId     the partner
 * @param period        the quarter, {@code YYYY-Qn}
 * @param revenueTarget the won revenue aimed at, in the reporting currency
 * @param dealTarget    the number of won deals aimed at, optional
 * @param setAt         when
 */
@Revision("1")
public record PartnerGoalSet(String partnerId, String period, Money revenueTarget, Integer dealTarget, Instant setAt)
        implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return setAt;
    }
}
