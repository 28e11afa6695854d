package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.support.CommandValidation.strip;

import io.sidecar.prm.events.partner.Sentiment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Write down a conversation with a partner.
 *
 * @param partnerId  the partner
 * @param checkInId  the check-in's id (chosen by the caller's web layer)
 * @param occurredOn the day it took place, not after the day it is recorded
 * @param attendees  who took part: 1–20 names of 1–200 characters
 * @param summary    what was said, 1–2000 characters
 * @param sentiment  how it went
 * @param nextSteps  what was agreed: 0–20 items of 1–500 characters
 * @param recordedAt when, from the application's clock
 */
public record RecordCheckInCommand(
        @TargetAggregateIdentifier String partnerId,
        @NotBlank String checkInId,
        @NotNull LocalDate occurredOn,
        @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 200) String> attendees,
        @NotBlank @Size(max = 2000) String summary,
        @NotNull Sentiment sentiment,
        @NotNull @Size(max = 20) List<@NotBlank @Size(max = 500) String> nextSteps,
        @NotNull Instant recordedAt) {

    /** Surrounding white space is not part of any text; no next steps is an empty list. */
    public RecordCheckInCommand {
        attendees = attendees == null
                ? null
                : attendees.stream().map(name -> strip(name)).toList();
        summary = strip(summary);
        nextSteps = nextSteps == null
                ? List.of()
                : nextSteps.stream().map(step -> strip(step)).toList();
    }
}
