package io.sidecar.prm.command.partner;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Make a suspended partner active again.
 *
 * @param partnerId    the partner
 * @param reinstatedAt when, from the application's clock
 */
public record ReinstatePartnerCommand(
        @TargetAggregateIdentifier String partnerId,
        @NotNull Instant reinstatedAt) {}
