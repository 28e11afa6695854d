package io.sidecar.prm.query.checkin;

import io.sidecar.prm.events.partner.CheckInRecorded;
import io.sidecar.prm.events.partner.Sentiment;
import io.sidecar.prm.query.readmodel.ReadModel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One check-in, for the full list of a partner's check-ins ({@code GET /api/partners/{id}/check-ins}); the
 * partner's own document keeps only the latest ten.
 *
 * @param id         the check-in's id
 * @param partnerId  the partner
 * @param occurredOn the day it took place
 * @param attendees  who took part
 * @param summary    what was said
 * @param sentiment  how it went
 * @param nextSteps  what was agreed
 * @param recordedAt when it was written down
 * @param version    the partner's version once this check-in was recorded
 */
@Document("check_ins")
public record CheckInView(
        @Id String id,
        @Indexed String partnerId,
        LocalDate occurredOn,
        List<String> attendees,
        String summary,
        Sentiment sentiment,
        List<String> nextSteps,
        Instant recordedAt,
        long version)
        implements ReadModel {

    /** The view of a recorded check-in, the event's sequence number in the partner's stream given. */
    static CheckInView of(CheckInRecorded event, long sequence) {
        return new CheckInView(
                event.checkInId(),
                event.partnerId(),
                event.occurredOn(),
                event.attendees(),
                event.summary(),
                event.sentiment(),
                event.nextSteps(),
                event.recordedAt(),
                sequence + 1);
    }

    @Override
    public long appliedVersion(String aggregateId) {
        return partnerId.equals(aggregateId) ? version : 0;
    }
}
