package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.support.CommandValidation.strip;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Suspend an active partner: it keeps its history but registers no deal until reinstated.
 *
 * @param partnerId the partner
 * @param reason    why, 1–500 characters
 * @param suspendedAt when, from the application's clock
 */
public record SuspendPartnerCommand(
        @TargetAggregateIdentifier String partnerId,
        @NotBlank @Size(max = 500) String reason,
        @NotNull Instant suspendedAt) {

    /** Surrounding white space is not part of the reason. */
    public SuspendPartnerCommand {
        reason = strip(reason);
    }
}
