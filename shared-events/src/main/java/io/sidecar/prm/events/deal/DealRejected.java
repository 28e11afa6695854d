package io.sidecar.prm.events.deal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The registration was rejected: by a manager, or at once for a channel conflict, with the evidence.
 *
 * @param dealId                the deal
 * @param partnerId             its partner
 * @param reason                why, in words
 * @param kind                  a manager's rejection or a channel conflict
 * @param conflictingDealId     for a channel conflict, the other partner's open registration; else {@code null}
 * @param conflictingRecordedAt for a channel conflict, when that registration was recorded; else {@code null}
 * @param rejectedAt            when
 */
@Revision("1")
public record DealRejected(
        String dealId,
        String partnerId,
        String reason,
        RejectionKind kind,
        String conflictingDealId,
        Instant conflictingRecordedAt,
        Instant rejectedAt)
        implements DealEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return rejectedAt;
    }
}
