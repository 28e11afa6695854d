package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.support.CommandValidation.strip;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * End the partnership (terminal); the partner's name is free again.
 *
 * @param partnerId the partner
 * @param reason    why, 1–500 characters
 * @param offboardedAt when, from the application's clock
 */
public record OffboardPartnerCommand(
        @TargetAggregateIdentifier String partnerId,
        @NotBlank @Size(max = 500) String reason,
        @NotNull Instant offboardedAt) {

    /** Surrounding white space is not part of the reason. */
    public OffboardPartnerCommand {
        reason = strip(reason);
    }
}
