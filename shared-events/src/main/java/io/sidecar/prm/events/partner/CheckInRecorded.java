package io.sidecar.prm.events.partner;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sidecar.prm.events.PartnerEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A conversation with the partner took place and was written down.
 *
 * @param partnerId  the partner
 * @param checkInId  the check-in's own id
 * @param occurredOn the day it took place
 * @param attendees  who took part (1–20)
 * @param summary    what was said
 * @param sentiment  how it went
 * @param nextSteps  what was agreed (0–20)
 * @param recordedAt when it was written down
 */
@Revision("1")
public record CheckInRecorded(
        String partnerId,
        String checkInId,
        LocalDate occurredOn,
        List<String> attendees,
        String summary,
        Sentiment sentiment,
        List<String> nextSteps,
        Instant recordedAt)
        implements PartnerEvent {

    @Override
    @JsonIgnore
    public Instant occurredAt() {
        return recordedAt;
    }
}
