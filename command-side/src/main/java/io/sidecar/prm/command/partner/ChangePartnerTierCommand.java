package io.sidecar.prm.command.partner;

import static io.sidecar.prm.command.support.CommandValidation.strip;

import io.sidecar.prm.events.partner.PartnerTier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A manager's change of an active partner's tier, up or down.
 *
 * @param partnerId the partner
 * @param tier      the new tier
 * @param reason    why, 1–500 characters
 * @param changedAt when, from the application's clock
 */
public record ChangePartnerTierCommand(
        @TargetAggregateIdentifier String partnerId,
        @NotNull PartnerTier tier,
        @NotBlank @Size(max = 500) String reason,
        @NotNull Instant changedAt) {

    /** Surrounding white space is not part of the reason. */
    public ChangePartnerTierCommand {
        reason = strip(reason);
    }
}
