package io.sidecar.prm.events.deal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An approved deal moved forward in the sales process.
 *
 * @param dealId     the deal
 * @param partnerId  its partner
 * @param from       the stage before, {@code null} for the first
 * @param to         the stage now
 * @param advancedAt when
 */
@Revision("1")
public record DealStageAdvanced(String dealId, String partnerId, DealStage from, DealStage to, Instant advancedAt)
        implements DealEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return advancedAt;
    }
}
