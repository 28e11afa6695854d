package io.sidecar.prm.command.partner;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Activate a partner whose onboarding checklist is complete.
 *
 * @param partnerId   the partner
 * @param activatedAt when, from the application's clock
 */
public record ActivatePartnerCommand(
        @TargetAggregateIdentifier String partnerId,
        @NotNull Instant activatedAt) {}
